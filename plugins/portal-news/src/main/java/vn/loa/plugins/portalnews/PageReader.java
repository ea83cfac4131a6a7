package vn.loa.plugins.portalnews;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Finds news on an HTML listing page with the admin's CSS selectors. Pure: a parsed page in, entries out. */
final class PageReader {

    private PageReader() {
    }

    static List<NewsEntry> entries(Document page, PortalSettings.PageSource source) {
        List<NewsEntry> out = new ArrayList<>();
        for (Element item : page.select(source.item())) {
            Element titleElement = source.title() == null ? item : item.selectFirst(source.title());
            String title = titleElement == null ? "" : CleanText.of(titleElement.text(), 200);
            Element linkElement = source.link() == null ? item.selectFirst("a[href]") : item.selectFirst(source.link());
            String link = linkElement == null ? "" : linkElement.absUrl("href");
            Element textElement = source.text() == null ? null : item.selectFirst(source.text());
            String summary = textElement == null ? "" : CleanText.of(textElement.text(), 5000);
            String key = !link.isEmpty() ? link : title;
            if (!title.isEmpty()) {
                out.add(new NewsEntry(key, title, link.isEmpty() ? null : link, summary, null));
            }
        }
        return out;
    }
}
