package vn.loa.plugins.portalnews;

import java.text.Normalizer;
import org.jsoup.Jsoup;

/** Clean text as a notice is read: no markup, entities decoded, NFC, whitespace collapsed, length bounded. */
final class CleanText {

    private CleanText() {
    }

    /** The text of an HTML fragment (a feed's description often carries escaped HTML). */
    static String ofHtml(String html, int max) {
        if (html == null) {
            return "";
        }
        return of(Jsoup.parseBodyFragment(html).text(), max);
    }

    static String of(String text, int max) {
        if (text == null) {
            return "";
        }
        String clean = Normalizer.normalize(text, Normalizer.Form.NFC).replace('\u00a0', ' ')
                .replaceAll("[\\p{Cntrl}&&[^\n]]", " ").replaceAll("\\s+", " ").strip();
        if (clean.length() <= max) {
            return clean;
        }
        // Cut at a word, and say it was cut.
        int cut = clean.lastIndexOf(' ', max - 1);
        return clean.substring(0, cut > max / 2 ? cut : max - 1) + "…";
    }
}
