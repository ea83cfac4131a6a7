package vn.loa.tts.normalize;

import java.util.regex.Pattern;

/**
 * Turns the symbols left after the number rules into words or pauses: "&" is "và", "+" is "cộng", brackets and
 * dashes become commas (a short pause), quotes disappear.
 *
 * <p>Stateless. espeak-ng pauses at commas and sentence ends, so a pause is written as a comma rather than invented.
 */
final class SymbolReader implements TextRule {

    private static final Pattern DASH_BETWEEN_WORDS = Pattern.compile("\\s+[-–—]+\\s+|\\s*[–—]+\\s*");
    private static final Pattern HYPHEN_IN_WORD = Pattern.compile("(?<=\\p{L})-(?=\\p{L})");

    @Override
    public String apply(String text) {
        String out = DASH_BETWEEN_WORDS.matcher(text).replaceAll(", ");
        out = HYPHEN_IN_WORD.matcher(out).replaceAll(" ");
        StringBuilder spoken = new StringBuilder(out.length());
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            spoken.append(switch (c) {
                case '&' -> " và ";
                case '+' -> " cộng ";
                case '=' -> " bằng ";
                case '~', '≈' -> " khoảng ";
                case '>' -> " lớn hơn ";
                case '<' -> " nhỏ hơn ";
                case '≥' -> " lớn hơn hoặc bằng ";
                case '≤' -> " nhỏ hơn hoặc bằng ";
                case '%' -> " phần trăm ";
                case '#', '№' -> " số ";
                case '@' -> " a còng ";
                case '°' -> " độ ";
                case '(', ')', '[', ']', '{', '}' -> ", ";
                case '"', '“', '”', '«', '»', '‘', '’', '`', '*', '_', '|', '^', '\\', '/', '-' -> " ";
                case '…' -> "...";
                default -> String.valueOf(c);
            });
        }
        return spoken.toString();
    }
}
