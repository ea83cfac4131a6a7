package vn.loa.server.http;

import java.text.Normalizer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.safety.Safelist;

/**
 * Cleans text fields on the way in: Unicode NFC for everything (espeak-ng and the boards need composed Vietnamese),
 * control characters removed, and rich text reduced to jsoup's basic safelist.
 */
public final class TextInput {

    private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);

    private TextInput() {
    }

    /** A one-line or multi-line plain value (names, titles): NFC, no control characters but newline and tab, trimmed. */
    public static String plain(String value) {
        if (value == null) {
            return null;
        }
        String nfc = Normalizer.normalize(value, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length());
        nfc.codePoints()
                .filter(cp -> cp == '\n' || cp == '\t' || !Character.isISOControl(cp))
                .filter(cp -> Character.getType(cp) != Character.SURROGATE && Character.getType(cp) != Character.UNASSIGNED)
                .forEach(out::appendCodePoint);
        return out.toString().strip();
    }

    /**
     * A name (of a zone, a node, a board, a person): one line, NFC, trimmed. A name with a control character (a
     * newline, a tab, an escape) is refused with a 400 naming the field rather than cleaned: it goes into SDP, SIP,
     * file names and board layouts, where a line break breaks the format.
     */
    public static String name(String value, String field) {
        if (value != null && value.codePoints().anyMatch(cp -> Character.isISOControl(cp)
                || cp == '\u2028' || cp == '\u2029')) {
            throw new ApiError(400, "invalid_name", "Trường '" + field + "' không được chứa ký tự điều khiển "
                    + "hay xuống dòng.", field);
        }
        return plain(value);
    }

    /** Rich text (a notice body): NFC and only the tags and attributes of {@link Safelist#basic()}. */
    public static String rich(String value) {
        if (value == null) {
            return null;
        }
        return Jsoup.clean(plain(value), "", Safelist.basic(), COMPACT);
    }

    /**
     * The words of rich text as people read them on a board, a banner or a page: {@link #spoken} without the marks a
     * clerk typed to steer the voice ("[nghỉ 2 giây]" is not shown, "[đánh vần CCCD]" shows "CCCD").
     */
    public static String shown(String rich) {
        return vn.loa.tts.normalize.ClerkMarks.shown(spoken(rich));
    }

    /**
     * The words of rich text with the markup removed, as a listener hears them: the text exactly as typed, line breaks
     * and all (a "+" or "-" that starts a line is a list marker, not "cộng" or "trừ"), and every character kept (a
     * soft hyphen is how TCVN3 text stores "ư"). Breaks and block elements become line breaks. jsoup's {@code text()}
     * would collapse lines and drop soft hyphens, so the speech of a notice would differ from {@code ./loa say}.
     */
    public static String spoken(String rich) {
        if (rich == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(rich.length());
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.getWholeText());
                } else if (node instanceof Element e && e.normalName().equals("br")) {
                    out.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && e.isBlock() && !out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                    out.append('\n');
                }
            }
        }, Jsoup.parseBodyFragment(rich).body());
        return out.toString().strip();
    }

    /** Requires a non-blank value after cleaning, else a 400 naming the field. */
    public static String required(String cleaned, String field) {
        if (cleaned == null || cleaned.isBlank()) {
            throw ApiError.badRequest("invalid_request", "Trường '" + field + "' không được để trống.");
        }
        return cleaned;
    }
}
