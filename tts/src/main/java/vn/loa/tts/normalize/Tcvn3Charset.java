package vn.loa.tts.normalize;

import java.util.HashMap;
import java.util.Map;

/**
 * The TCVN3 (ABC, TCVN 5712:1993 VN3) 8-bit Vietnamese encoding, as it looks after Windows-1252 decoding.
 *
 * <p>Text typed in a ".VnTime" font and pasted into a Unicode field arrives as Latin-1 look-alikes: "Céng hoµ x·
 * héi" for "Cộng hoà xã hội". Each such character stands for one Vietnamese letter. TCVN3 has no upper-case toned
 * letters (old documents switched to a ".VnTimeH" font for capitals, keeping the lower-case codes), so a word whose
 * plain letters are all capitals is converted to capitals.
 * Immutable and thread-safe.
 */
final class Tcvn3Charset {

    /** Pairs of (byte as Latin-1 character, Vietnamese letter), written from the published TCVN 5712 VN3 table. */
    private static final String PAIRS =
            "¡Ă¢Â£Ê¤Ô¥Ơ¦Ư§Đ¨ă©âªê«ô¬ơ\u00ADư®đ"
            + "µà¶ả·ã¸á¹ạ»ằ¼ẳ½ẵ¾ắÆặ"
            + "ÇầÈẩÉẫÊấËậ"
            + "ÌèÎẻÏẽÐéÑẹ"
            + "ÒềÓểÔễÕếÖệ"
            + "×ìØỉÜĩÝíÞị"
            + "ßòáỏâõãóäọ"
            + "åồæổçỗèốéộ"
            + "êờëởìỡíớîợ"
            + "ïùñủòũóúôụ"
            + "õừöử÷ữøứùự"
            + "úỳûỷüỹýýþỵ";

    private static final Map<Character, Character> TO_UNICODE = new HashMap<>();

    static {
        for (int i = 0; i + 1 < PAIRS.length(); i += 2) {
            TO_UNICODE.put(PAIRS.charAt(i), PAIRS.charAt(i + 1));
        }
    }

    private Tcvn3Charset() {
    }

    /** Whether the character is a TCVN3 code that correct Unicode Vietnamese would never contain. */
    static boolean isTell(char c) {
        return TO_UNICODE.containsKey(c) && !VietnameseLetters.isLatin1Vietnamese(c);
    }

    /** Whether the character is in 0xA1–0xBF, where VNI-Windows has nothing: a strong sign of TCVN3. */
    static boolean isStrongTell(char c) {
        return c >= 0xA1 && c <= 0xBF && TO_UNICODE.containsKey(c);
    }

    /**
     * Whether the character at {@code i} is a TCVN3 code in 0xC0-0xDE right after a small ASCII letter: these codes
     * stand for small toned letters ("tiÕp" is "tiếp"), while in Unicode text a capital never follows a small letter
     * inside a word.
     */
    static boolean isCapitalInsideWord(String line, int i) {
        char c = line.charAt(i);
        if (c < 0xC0 || c > 0xDE || i == 0 || !TO_UNICODE.containsKey(c)) {
            return false;
        }
        char before = line.charAt(i - 1);
        return before >= 'a' && before <= 'z';
    }

    static String decode(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (String word : line.split("(?<=\\s)|(?=\\s)")) {
            StringBuilder converted = new StringBuilder(word.length());
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                converted.append(TO_UNICODE.getOrDefault(c, c));
            }
            // a capital headline typed in ".VnTimeH" has upper-case plain letters and lower-case codes: "TH«NG B¸O"
            out.append(isCapitalWord(word) ? converted.toString().toUpperCase(java.util.Locale.ROOT) : converted);
        }
        return out.toString();
    }

    /** Two capitals and no small plain letter: "B¸O" is "BÁO"; "Tù" is a capitalised "Tự", not "TỰ". */
    private static boolean isCapitalWord(String word) {
        int upper = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= 'a' && c <= 'z') {
                return false;
            }
            upper += c >= 'A' && c <= 'Z' ? 1 : 0;
        }
        return upper >= 2;
    }
}
