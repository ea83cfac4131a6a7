package vn.loa.plugins.portalnews;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.HttpStatusException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import vn.loa.plugin.ContentItem;
import vn.loa.plugin.ContentSource;
import vn.loa.plugin.InvalidSettingsException;
import vn.loa.plugin.Plugin;
import vn.loa.plugin.PluginApi;
import vn.loa.plugin.PluginContext;
import vn.loa.plugin.Settings;

/**
 * Reads the commune web portal's news (RSS or Atom feeds, or HTML listing pages with CSS selectors the admin sets) and
 * proposes each new item as a draft notice. A source that fails or sends broken markup costs only its own items; the
 * plugin says which source failed ({@link PluginContext#degraded}) and goes on with the others.
 *
 * <p>Threading: Loa calls it from one thread; it starts none.
 */
public final class PortalNews implements Plugin, ContentSource {

    /** Article pages fetched in one poll at most; the rest wait for the next poll (their summary is used meanwhile). */
    private static final int ARTICLES_PER_POLL = 20;
    private static final int MAX_BYTES = 4 * 1024 * 1024;

    private PortalSettings settings;
    private PluginContext context;
    private ArticleCache seen;
    private Backlog backlog;

    @Override
    public String name() {
        return "portal-news";
    }

    @Override
    public String description() {
        return "Tin tức từ cổng thông tin điện tử của xã (RSS, Atom hoặc trang HTML), đề xuất thành tin nháp chờ duyệt.";
    }

    @Override
    public Settings defaults() {
        return Settings.EMPTY.with("feeds", List.of()).with("pages", List.of()).with("zones", List.of())
                .with("intervalSeconds", 600).with("timeoutSeconds", 10).with("skipExisting", true);
    }

    @Override
    public Settings validate(Settings proposed) throws InvalidSettingsException {
        PortalSettings.read(proposed);
        return proposed;
    }

    @Override
    public void start(PluginContext context) throws InvalidSettingsException {
        this.context = context;
        this.settings = PortalSettings.read(context.settings());
        this.seen = new ArticleCache(context.dataDir());
        this.backlog = new Backlog(context.dataDir());
    }

    @Override
    public Optional<ContentSource> contentSource() {
        return Optional.of(this);
    }

    @Override
    public Duration interval() {
        return settings == null ? Duration.ofMinutes(10) : settings.interval();
    }

    @Override
    public List<ContentItem> poll() {
        List<String> problems = new ArrayList<>();
        Map<String, NewsEntry> entries = new LinkedHashMap<>();
        for (String feed : settings.feeds()) {
            try {
                news(feed, FeedReader.entries(fetch(feed, Parser.xmlParser())))
                        .forEach(e -> entries.putIfAbsent(e.key(), e));
            } catch (IOException | RuntimeException e) {
                problems.add(feed + ": " + reason(e));
            }
        }
        for (PortalSettings.PageSource page : settings.pages()) {
            try {
                news(page.url(), PageReader.entries(fetch(page.url(), Parser.htmlParser()), page))
                        .forEach(e -> entries.putIfAbsent(e.key(), e));
            } catch (IOException | RuntimeException e) {
                problems.add(page.url() + ": " + reason(e));
            }
        }
        List<NewsEntry> newest = entries.values().stream()
                .sorted(Comparator.comparing(NewsEntry::published, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(PluginApi.ITEMS_PER_POLL).toList();
        List<ContentItem> items = new ArrayList<>();
        int fetched = 0;
        for (NewsEntry e : newest) {
            String text = e.summary();
            if (settings.article() != null && e.link() != null && !e.link().isEmpty()) {
                if (!seen.has(e.key()) && fetched < ARTICLES_PER_POLL) {
                    fetched++;
                    articleText(e.link(), problems).ifPresent(t -> seen.put(e.key(), t));
                }
                text = seen.has(e.key()) ? seen.get(e.key()) : text;
            }
            items.add(new ContentItem(e.key(), e.title(), text.isEmpty() ? e.title() : text, e.link(), e.published(),
                    settings.zones()));
        }
        if (fetched > 0) {
            seen.save();
        }
        backlog.saveIfChanged();
        if (problems.isEmpty()) {
            context.recovered();
        } else {
            context.degraded(String.join("; ", problems));
        }
        return items;
    }

    private List<NewsEntry> news(String source, List<NewsEntry> entries) {
        return settings.skipExisting() ? backlog.news(source, entries) : entries;
    }

    private Optional<String> articleText(String link, List<String> problems) {
        try {
            Element body = fetch(link, Parser.htmlParser()).selectFirst(settings.article());
            String text = body == null ? "" : CleanText.of(body.text(), 5000);
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (IOException | RuntimeException e) {
            problems.add(link + ": " + reason(e));
            return Optional.empty();
        }
    }

    private Document fetch(String url, Parser parser) throws IOException {
        return Jsoup.connect(url).userAgent("Loa portal-news/1").timeout((int) settings.timeout().toMillis())
                .maxBodySize(MAX_BYTES).ignoreContentType(true).parser(parser).get();
    }

    private static String reason(Exception e) {
        if (e instanceof HttpStatusException h) {
            return "HTTP " + h.getStatusCode();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }
}
