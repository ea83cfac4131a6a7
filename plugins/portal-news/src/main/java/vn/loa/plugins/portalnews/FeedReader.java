package vn.loa.plugins.portalnews;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads RSS 2.0 {@code <item>}s and Atom {@code <entry>}s from a feed parsed by jsoup's lenient XML parser, so a
 * truncated or slightly broken feed still yields the entries it holds. Titles are plain text (RSS), descriptions
 * HTML. Pure: a document in, entries out.
 */
final class FeedReader {

    private FeedReader() {
    }

    static List<NewsEntry> entries(Document feed) {
        List<NewsEntry> out = new ArrayList<>();
        for (Element item : feed.select("item")) {
            String link = text(item, "link");
            String title = CleanText.of(text(item, "title"), 200);
            String key = first(text(item, "guid"), link, title);
            out.add(new NewsEntry(key, title, link, CleanText.ofHtml(first(text(item, "content|encoded"),
                    text(item, "description"), ""), 5000), date(text(item, "pubDate"))));
        }
        for (Element entry : feed.select("entry")) {
            Element linkElement = entry.selectFirst("link[rel=alternate], link:not([rel])");
            String link = linkElement == null ? "" : linkElement.attr("href").strip();
            String title = CleanText.of(text(entry, "title"), 200);
            String key = first(text(entry, "id"), link, title);
            out.add(new NewsEntry(key, title, link, CleanText.ofHtml(first(text(entry, "content"),
                    text(entry, "summary"), ""), 5000), date(first(text(entry, "published"), text(entry, "updated"), ""))));
        }
        out.removeIf(e -> e.key().isEmpty() || e.title().isEmpty());
        return out;
    }

    private static String text(Element parent, String tag) {
        Element e = parent.selectFirst(tag);
        return e == null ? "" : e.text().strip();
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return "";
    }

    /** RSS dates are RFC 1123, Atom's ISO 8601; anything else is no date. */
    private static Instant date(String value) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
