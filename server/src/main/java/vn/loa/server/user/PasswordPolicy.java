package vn.loa.server.user;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import vn.loa.server.access.Role;
import vn.loa.server.refusal.Refusal;

/**
 * What a new password must be (issue 22, NIST SP 800-63B: length first, no composition rules): at least 12 characters
 * for admins and approvers, who can air an emergency or make users, 8 for others; not only spaces; not the user name;
 * not a few characters repeated; and not on the shipped list of common and Vietnamese-typical passwords
 * ({@code weak-passwords.txt}). Refusals are in Vietnamese and name the field. Thread-safe.
 */
public final class PasswordPolicy {

    static final int MIN_STAFF = 8;
    static final int MIN_PRIVILEGED = 12;
    private final Set<String> weak;

    public PasswordPolicy(Set<String> weak) {
        this.weak = weak;
    }

    /** The policy with the shipped list. */
    public static PasswordPolicy shipped() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/weak-passwords.txt");
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return new PasswordPolicy(lines.lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(PasswordPolicy::folded)
                    .collect(Collectors.toUnmodifiableSet()));
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("weak-passwords.txt is missing from the class path", e);
        }
    }

    /** Refuses {@code password} for {@code username} in {@code role}; {@code field} names the request field. */
    public void check(String username, Role role, String password, String field) {
        int min = role == Role.ADMIN || role == Role.APPROVER ? MIN_PRIVILEGED : MIN_STAFF;
        if (password == null || password.isBlank()) {
            throw refuse("Mật khẩu không được để trống hoặc chỉ có dấu cách.", field);
        }
        if (password.codePointCount(0, password.length()) < min) {
            throw refuse("Mật khẩu cần ít nhất " + min + " ký tự" + (min == MIN_PRIVILEGED
                    ? " với quản trị viên và lãnh đạo phê duyệt" : "") + ". Một câu ngắn dễ nhớ là mật khẩu tốt.", field);
        }
        String folded = folded(password);
        if (folded.equals(folded(username)) || folded.contains(folded(username)) && username.length() >= 4
                && folded.length() - username.length() < 4) {
            throw refuse("Mật khẩu không được giống tên đăng nhập.", field);
        }
        if (weak.contains(folded) || weak.contains(folded.strip())) {
            throw refuse("Mật khẩu này quá phổ biến, dễ bị đoán (ví dụ 'matkhau123', '12345678'). Hãy chọn mật khẩu khác.",
                    field);
        }
        if (folded.codePoints().distinct().count() < 4) {
            throw refuse("Mật khẩu lặp lại quá ít ký tự (ví dụ 'aaaaaaaa'). Hãy chọn mật khẩu khác.", field);
        }
    }

    private static Refusal refuse(String message, String field) {
        return Refusal.invalid("weak_password", message, field);
    }

    private static String folded(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
