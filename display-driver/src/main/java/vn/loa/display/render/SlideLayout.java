package vn.loa.display.render;

import java.awt.Font;
import java.util.ArrayList;
import java.util.List;

/**
 * A text slide laid out for a canvas: the largest type at which title and body fit, or, when even the smallest
 * legible type does not hold the body, pages of it at that size, each with the title.
 *
 * @param pages never empty; a slide with more text than {@link #MAX_PAGES} pages ends with "…"
 */
public record SlideLayout(Font titleFont, Font bodyFont, int margin, List<Page> pages) {

    /** One screenful. */
    public record Page(List<String> title, List<String> body) {
    }

    public static final int MAX_PAGES = 20;
    static final double LINE_SPACING = 1.25;

    public static SlideLayout of(TextSlide slide, int width, int height) {
        int margin = Math.max(2, Math.min(width, height) / 20);
        double textWidth = width - 2.0 * margin;
        double textHeight = height - 2.0 * margin;
        float largest = Math.max(8f, height / 9f);
        float smallest = Math.max(8f, Math.min(largest, height / 30f));
        for (float size = largest; size >= smallest; size = Math.min(size - 1, size * 0.92f)) {
            SlideLayout fitted = attempt(slide, size, margin, textWidth, textHeight, false);
            if (fitted != null) {
                return fitted;
            }
        }
        return attempt(slide, smallest, margin, textWidth, textHeight, true);
    }

    private static SlideLayout attempt(TextSlide slide, float bodySize, int margin, double textWidth, double textHeight,
            boolean paginate) {
        Font body = Fonts.regular(bodySize);
        Font title = Fonts.bold(bodySize * 1.35f);
        List<String> titleLines = slide.title().isEmpty() ? List.of() : LineBreaker.lines(title, slide.title(), textWidth);
        List<String> bodyLines = slide.body().isEmpty() ? List.of() : LineBreaker.lines(body, slide.body(), textWidth);
        double titleHeight = titleLines.size() * lineHeight(title) + (titleLines.isEmpty() ? 0 : lineHeight(body) * 0.5);
        int perPage = (int) Math.floor((textHeight - titleHeight) / lineHeight(body));
        if (!paginate) {
            return bodyLines.size() <= Math.max(perPage, 0) && titleHeight <= textHeight
                    ? new SlideLayout(title, body, margin, List.of(new Page(titleLines, bodyLines))) : null;
        }
        // The title shares each page with the body; a title too tall for that is cut to leave two body lines.
        if (perPage < 2) {
            int keep = Math.max(1, (int) Math.floor((textHeight - 2 * lineHeight(body)) / lineHeight(title)) - 1);
            titleLines = ellipsised(titleLines, keep);
            perPage = Math.max(1, (int) Math.floor((textHeight - (keep + 0.5) * lineHeight(title)) / lineHeight(body)));
        }
        List<Page> pages = new ArrayList<>();
        for (int i = 0; i < bodyLines.size() || pages.isEmpty(); i += perPage) {
            if (pages.size() == MAX_PAGES) {
                Page last = pages.remove(MAX_PAGES - 1);
                List<String> lines = new ArrayList<>(last.body());
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + " …");
                pages.add(new Page(last.title(), lines));
                break;
            }
            pages.add(new Page(titleLines, bodyLines.subList(i, Math.min(bodyLines.size(), i + perPage))));
        }
        return new SlideLayout(title, body, margin, pages);
    }

    private static List<String> ellipsised(List<String> lines, int keep) {
        if (lines.size() <= keep) {
            return lines;
        }
        List<String> cut = new ArrayList<>(lines.subList(0, keep));
        cut.set(keep - 1, cut.get(keep - 1) + " …");
        return cut;
    }

    static double lineHeight(Font font) {
        return font.getSize2D() * LINE_SPACING;
    }
}
