package vn.loa.server.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertLanguagesPlanTest {

    private static CapAlert.Info info(String language, String headline) {
        return new CapAlert.Info(language, "Bão", "Immediate", "Extreme", headline, null, null, null, List.of());
    }

    private static Optional<String> voice(String language) {
        return language.equals("en") ? Optional.of("en") : Optional.empty();
    }

    private static List<String> parts(List<CapAlert.Info> infos, Map<List<String>, List<String>> groups) {
        return AlertLanguagesPlan.parts(infos, groups, AlertLanguagesPlanTest::voice).stream()
                .map(p -> p.language() + "@" + p.zones() + (p.spoken() ? ":" + p.info().headline() : "/" + p.reason()))
                .toList();
    }

    @Test
    void eachGroupHearsItsLanguagesInItsOrderAndMissingOrVoicelessBlocksAreNotSpoken() {
        Map<List<String>, List<String>> groups = new LinkedHashMap<>();
        groups.put(List.of("vi", "en", "bdq", "fr"), List.of("du-lich"));
        groups.put(List.of("vi"), List.of("thon-a", "thon-b"));
        List<CapAlert.Info> infos = List.of(info("en-US", "Storm"), info("bdq", "Kial"), info("vi-VN", "Bão"));

        assertThat(parts(infos, groups)).containsExactly("vi@[du-lich]:Bão", "en@[du-lich]:Storm",
                "bdq@[du-lich]/no_voice", "fr@[du-lich]/no_block", "vi@[thon-a, thon-b]:Bão");
    }

    @Test
    void withoutAVietnameseBlockTheFirstBlockIsReadInItsOwnVoiceOnce() {
        Map<List<String>, List<String>> groups = Map.of(List.of("vi", "en"), List.of("du-lich"));

        assertThat(parts(List.of(info(null, "Storm"), info("en-GB", "Storm again")), groups))
                .as("no <language> is CAP's en-US").containsExactly("en@[du-lich]:Storm");
        assertThat(AlertLanguagesPlan.parts(List.of(info("vi", "Bão")), groups, AlertLanguagesPlanTest::voice)
                .get(0).voice()).as("Vietnamese in the default voice").isNull();
    }
}
