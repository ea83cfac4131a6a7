package vn.loa.plugins.portalnews;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.select.Selector;
import vn.loa.plugin.InvalidSettingsException;
import vn.loa.plugin.Settings;

/**
 * The admin's settings, checked: where to read news, which zones the drafts are for, and how often to look.
 *
 * @param feeds    RSS 2.0 or Atom feed URLs
 * @param pages    HTML listing pages with the CSS selectors that find their news
 * @param article  a CSS selector for the text of an article page (optional): when set, each new item's link is fetched
 *                 once and its text taken from there instead of the feed's summary
 * @param zones    zone ids the drafts are meant for
 * @param interval time between two looks
 * @param timeout  the longest one page may take to load
 * @param skipExisting true to propose only what a source publishes after its first reading ({@link Backlog})
 */
record PortalSettings(List<String> feeds, List<PageSource> pages, String article, List<String> zones,
        Duration interval, Duration timeout, boolean skipExisting) {

    /** A listing page: {@code item} selects each news item; the others apply inside it. */
    record PageSource(String url, String item, String title, String link, String text) {
    }

    static PortalSettings read(Settings s) throws InvalidSettingsException {
        try {
            List<String> feeds = new ArrayList<>();
            for (String url : s.texts("feeds")) {
                feeds.add(url(url, "feeds"));
            }
            List<PageSource> pages = new ArrayList<>();
            for (Settings p : s.objects("pages")) {
                String item = selector(p.text("item", ""), "pages.item", true);
                pages.add(new PageSource(url(p.text("url", ""), "pages.url"), item,
                        selector(p.text("title", ""), "pages.title", false),
                        selector(p.text("link", ""), "pages.link", false),
                        selector(p.text("text", ""), "pages.text", false)));
            }
            if (feeds.isEmpty() && pages.isEmpty()) {
                throw new InvalidSettingsException("Cần ít nhất một nguồn tin: 'feeds' (RSS/Atom) hoặc 'pages' "
                        + "(trang HTML với bộ chọn CSS).");
            }
            List<String> zones = s.texts("zones");
            if (zones.isEmpty() || zones.stream().anyMatch(String::isEmpty)) {
                throw new InvalidSettingsException("Cần 'zones': danh sách mã khu vực nhận tin, ví dụ [\"xa-an-binh\"].");
            }
            long seconds = s.number("intervalSeconds", 600);
            if (seconds < 1 || seconds > 86_400) {
                throw new InvalidSettingsException("'intervalSeconds' phải từ 1 đến 86400 giây.");
            }
            long timeout = s.number("timeoutSeconds", 10);
            if (timeout < 1 || timeout > 50) {
                throw new InvalidSettingsException("'timeoutSeconds' phải từ 1 đến 50 giây.");
            }
            return new PortalSettings(List.copyOf(feeds), List.copyOf(pages),
                    selector(s.text("article", ""), "article", false), zones, Duration.ofSeconds(seconds),
                    Duration.ofSeconds(timeout), s.flag("skipExisting", true));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage());
        }
    }

    private static String url(String value, String field) throws InvalidSettingsException {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return value;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new InvalidSettingsException("'" + field + "': '" + value + "' không phải địa chỉ http(s):// hợp lệ.");
    }

    /** A selector jsoup can parse, or null when empty and optional. */
    private static String selector(String value, String field, boolean required) throws InvalidSettingsException {
        if (value.isEmpty()) {
            if (required) {
                throw new InvalidSettingsException("'" + field + "' cần một bộ chọn CSS, ví dụ \".tin-tuc li\".");
            }
            return null;
        }
        try {
            Selector.evaluatorOf(value);
            return value;
        } catch (Selector.SelectorParseException e) {
            throw new InvalidSettingsException("'" + field + "': bộ chọn CSS '" + value + "' không hợp lệ.");
        }
    }
}
