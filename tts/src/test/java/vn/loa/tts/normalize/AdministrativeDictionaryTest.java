package vn.loa.tts.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.loa.tts.normalize.AdministrativeDictionary.Group;
import vn.loa.tts.normalize.AdministrativeDictionary.Scope;

class AdministrativeDictionaryTest {

    private static final AdministrativeDictionary DICTIONARY = AdministrativeDictionary.builtIn();
    private static final VietnameseNormalizer NORMALIZER = VietnameseNormalizer.create();

    @Test
    void everyGroupNamesTheDocumentsItsOfficialNamesComeFrom() {
        assertThat(DICTIONARY.groups()).extracting(Group::name).contains("ministries", "provincial departments",
                "national target programmes", "communicable diseases", "road classes");
        assertThat(DICTIONARY.groups()).allSatisfy(group -> {
            assertThat(group.entries()).as(group.name()).isNotEmpty();
            assertThat(group.source()).as(group.name())
                    .containsPattern("(Luật|Nghị quyết|Nghị định|Quyết định|Thông tư|Hiến pháp)[^;]*\\d");
        });
        assertThat(DICTIONARY.groups().stream().mapToInt(g -> g.entries().size()).sum()).isGreaterThanOrEqualTo(60);
    }

    @Test
    void everyCodeForRunningTextIsReadAsItsOfficialName() {
        Map<String, String> shipped = AbbreviationDictionary.defaults().entries();
        DICTIONARY.entries(Scope.TEXT).forEach((code, name) -> {
            String reading = NORMALIZER.normalize("Thông báo của " + code + " xã.").normalized();
            // abbreviations.tsv wins where it has the code: its reading then, and the group's otherwise
            assertThat(reading).as(code).isEqualTo("Thông báo của " + shipped.get(code) + " xã.");
            assertThat(shipped.get(code)).as(code).isEqualTo(shipped.containsKey(code) ? shipped.get(code) : name);
        });
    }

    @Test
    void aMinistryCodeIsTheMinistryInsideADocumentNumberOnly() {
        DICTIONARY.entries(Scope.ISSUER).forEach((code, ministry) -> assertThat(NORMALIZER.normalize(
                "Thực hiện Thông tư 02/2023/TT-" + code + ".").normalized()).as(code)
                .isEqualTo("Thực hiện Thông tư hai năm hai nghìn không trăm hai mươi ba của " + ministry + "."));
        assertThat(NORMALIZER.normalize("BTC hội thi thông báo.").normalized()).isEqualTo("Ban tổ chức hội thi thông báo.");
        assertThat(NORMALIZER.normalize("Thông tư 25/2024/TT-BTC.").normalized())
                .isEqualTo("Thông tư hai mươi lăm năm hai nghìn không trăm hai mươi tư của bộ tài chính.");
    }

    @Test
    void everyRoadClassIsReadBeforeARoadNumber() {
        DICTIONARY.entries(Scope.ROAD).forEach((code, road) -> assertThat(NORMALIZER.normalize(
                "Sạt lở trên " + code + " 12 đoạn qua thôn.").normalized()).as(code)
                .isEqualTo("Sạt lở trên " + road + " mười hai đoạn qua thôn."));
    }
}
