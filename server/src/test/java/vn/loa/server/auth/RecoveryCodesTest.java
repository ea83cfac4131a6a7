package vn.loa.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecoveryCodesTest {

    @Test
    void tenDistinctCodesWithoutLookAlikeCharacters() {
        List<String> codes = new RecoveryCodes().generate();
        assertThat(codes).hasSize(10).doesNotHaveDuplicates()
                .allMatch(c -> c.matches("[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}"));
    }

    @Test
    void aCodeTypedInLowerCaseOrWithSpacesHashesAsWritten() {
        assertThat(RecoveryCodes.hash("k7mpq r2xwd")).isEqualTo(RecoveryCodes.hash("K7MPQ-R2XWD"))
                .hasSize(64).isNotEqualTo(RecoveryCodes.hash("K7MPQ-R2XWE"));
    }

    @Test
    void aSixDigitCodeIsNotTakenForARecoveryCode() {
        assertThat(RecoveryCodes.looksLikeOne("287082")).isFalse();
        assertThat(RecoveryCodes.looksLikeOne("k7mpq-r2xwd")).isTrue();
        assertThat(RecoveryCodes.looksLikeOne(null)).isFalse();
    }
}
