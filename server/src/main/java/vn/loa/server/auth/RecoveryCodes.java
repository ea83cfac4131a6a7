package vn.loa.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * One-time recovery codes: ten random codes like {@code K7MPQ-R2XWD} (50 bits each, no 0/O or 1/I to misread), shown
 * once and stored as SHA-256 only: they are random, so a slow password hash would add nothing. Thread-safe.
 */
public final class RecoveryCodes {

    static final int COUNT = 10;
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int LENGTH = 10;

    private final SecureRandom random = new SecureRandom();

    /** {@value #COUNT} new codes, as the user is to write them down. */
    public List<String> generate() {
        List<String> codes = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            StringBuilder code = new StringBuilder(LENGTH + 1);
            for (int c = 0; c < LENGTH; c++) {
                if (c == LENGTH / 2) {
                    code.append('-');
                }
                code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
            codes.add(code.toString());
        }
        return codes;
    }

    /** The stored form of a code as typed: upper case, spaces and dashes dropped, then SHA-256 in hex. */
    public static String hash(String typed) {
        String normal = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normal.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when the text typed has the shape of a recovery code rather than a six-digit TOTP code. */
    public static boolean looksLikeOne(String typed) {
        return typed != null && typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "").matches("[A-Z2-9]{" + LENGTH + "}");
    }
}
