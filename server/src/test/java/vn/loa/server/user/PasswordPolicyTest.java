package vn.loa.server.user;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import vn.loa.server.access.Role;
import vn.loa.server.refusal.Refusal;

class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.shipped();

    private void assertRefused(String username, Role role, String password, String says) {
        assertThatThrownBy(() -> policy.check(username, role, password, "password"))
                .isInstanceOfSatisfying(Refusal.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.kind()).isEqualTo(Refusal.Kind.INVALID);
                    org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("weak_password");
                    org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo("password");
                    org.assertj.core.api.Assertions.assertThat(e.getMessage()).contains(says);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "12345678", "123456789", "matkhau123", "MatKhau123", "admin123", "qwertyuiop",
            "anhyeuem123", "88888888", "ubnd@123", "loa123456", "truyenthanh123"})
    void commonAndVietnameseTypicalPasswordsAreRefused(String weak) {
        assertRefused("can-bo", Role.CLERK, weak, "phổ biến");
    }

    @Test
    void adminsAndApproversNeedTwelveCharactersOthersEight() {
        assertRefused("chu-tich", Role.APPROVER, "song-nuoc-1", "12 ký tự");
        assertRefused("quan-tri", Role.ADMIN, "song-nuoc-1", "12 ký tự");
        assertRefused("can-bo", Role.CLERK, "song-1", "8 ký tự");

        assertThatCode(() -> policy.check("can-bo", Role.CLERK, "song-nuoc", "password")).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("chu-tich", Role.APPROVER, "sông nước quê mình", "password"))
                .doesNotThrowAnyException();
    }

    @Test
    void lengthCountsVietnameseLettersNotBytes() {
        assertRefused("chu-tich", Role.APPROVER, "đường làng", "12 ký tự");
    }

    @Test
    void spacesOnlyTheUserNameAndRepeatsAreRefused() {
        assertRefused("can-bo", Role.CLERK, "        ", "dấu cách");
        assertRefused("nguyen-van-long", Role.CLERK, "Nguyen-Van-Long", "tên đăng nhập");
        assertRefused("nguyen-van-long", Role.CLERK, "nguyen-van-long1", "tên đăng nhập");
        assertRefused("can-bo", Role.CLERK, "abababababab", "lặp lại");
    }
}
