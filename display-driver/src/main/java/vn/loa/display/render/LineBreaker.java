package vn.loa.display.render;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Breaks text into lines that fit a width: between words, and inside a word only when the word alone is wider than
 * the line (a long URL, a run of digits). Paragraphs ({@code \n}) always start a new line. Stateless.
 */
final class LineBreaker {

    /** Antialiased, fractional metrics: the same context the renderers draw with. */
    static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private LineBreaker() {
    }

    static double width(Font font, String text) {
        return font.getStringBounds(text, FRC).getWidth();
    }

    static List<String> lines(Font font, String text, double maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\\R", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.trim().split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (width(font, candidate) <= maxWidth) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (width(font, rest) > maxWidth && rest.length() > 1) {
                    int cut = longestPrefix(font, rest, maxWidth);
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            if (line.length() > 0 || !paragraph.isBlank()) {
                lines.add(line.toString());
            }
        }
        return lines;
    }

    private static int longestPrefix(Font font, String word, double maxWidth) {
        int cut = 1;
        while (cut < word.length() && width(font, word.substring(0, cut + 1)) <= maxWidth) {
            cut++;
        }
        // never split a letter from its combining marks or a surrogate pair
        while (cut < word.length() - 1 && (Character.isLowSurrogate(word.charAt(cut))
                || Character.getType(word.charAt(cut)) == Character.NON_SPACING_MARK)) {
            cut++;
        }
        return cut;
    }
}
