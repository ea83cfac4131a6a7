package vn.loa.server.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vn.loa.display.render.Fonts;

/**
 * Writes a {@link FiledReport} as a PDF (Apache PDFBox) on A4 landscape: the unit's and the national headings, the
 * title and period, the table with wrapped cells and its header repeated on each page, then the date line and the
 * signature blocks; "Trang i/n" at the foot of each page. Vietnamese needs an embedded font: DejaVu Sans, the one Loa
 * ships for its boards (assets/fonts), embedded as a subset.
 */
public final class FiledPdf {

    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 36;
    private static final float CELL_SIZE = 8;
    private static final float LEADING = 1.25f;
    private static final float PAD = 3;
    /** Room the date line and the signature blocks need below the table. */
    private static final float SIGNATURES = 110;

    private FiledPdf() {
    }

    public static byte[] write(FiledReport report) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            new Writer(doc, report).write();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One document being written: its fonts, the page in hand and where the next line goes. */
    private static final class Writer {
        private final PDDocument doc;
        private final FiledReport report;
        private final PDFont regular;
        private final PDFont bold;
        private final float[] widths;
        private PDPageContentStream page;
        private float y;

        Writer(PDDocument doc, FiledReport report) throws IOException {
            this.doc = doc;
            this.report = report;
            this.regular = font(doc, Fonts.REGULAR_FILE);
            this.bold = font(doc, Fonts.BOLD_FILE);
            float usable = PAGE.getWidth() - 2 * MARGIN;
            int total = report.widths().stream().mapToInt(Integer::intValue).sum();
            widths = new float[report.widths().size()];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = usable * report.widths().get(i) / total;
            }
        }

        void write() throws IOException {
            newPage();
            float half = (PAGE.getWidth() - 2 * MARGIN) / 2;
            List<String> left = report.unitHeading();
            List<String> right = FiledReport.nationalHeading();
            for (int i = 0; i < 2; i++) {
                centred(left.get(i), bold, 10, MARGIN, half);
                centred(right.get(i), bold, 10, MARGIN + half, half);
                y -= 14;
            }
            y -= 14;
            centred(report.title().toUpperCase(java.util.Locale.forLanguageTag("vi")), bold, 14, MARGIN,
                    2 * half);
            y -= 18;
            centred(report.period(), regular, 10, MARGIN, 2 * half);
            y -= 20;
            header();
            for (List<Object> row : report.table().rows()) {
                List<List<String>> cells = new ArrayList<>();
                int lines = 1;
                for (int c = 0; c < widths.length; c++) {
                    List<String> wrapped = wrap(text(row.get(c)), regular, CELL_SIZE, widths[c] - 2 * PAD);
                    cells.add(wrapped);
                    lines = Math.max(lines, wrapped.size());
                }
                float height = lines * CELL_SIZE * LEADING + 2 * PAD;
                if (y - height < MARGIN + 14) {
                    newPage();
                    header();
                }
                drawRow(cells, regular, height);
            }
            if (y - SIGNATURES < MARGIN + 14) {
                newPage();
            }
            y -= 20;
            centred(report.dateLine(), regular, 10, MARGIN + half, half);
            y -= 16;
            float share = 2 * half / report.signers().size();
            for (int s = 0; s < report.signers().size(); s++) {
                centred(report.signers().get(s).toUpperCase(java.util.Locale.forLanguageTag("vi")), bold, 10,
                        MARGIN + s * share, share);
            }
            y -= 13;
            for (int s = 0; s < report.signers().size(); s++) {
                centred(FiledReport.signHint(), regular, 9, MARGIN + s * share, share);
            }
            page.close();
            numberPages();
        }

        private void header() throws IOException {
            List<List<String>> cells = new ArrayList<>();
            int lines = 1;
            for (int c = 0; c < widths.length; c++) {
                List<String> wrapped = wrap(report.table().columns().get(c).header(), bold, CELL_SIZE,
                        widths[c] - 2 * PAD);
                cells.add(wrapped);
                lines = Math.max(lines, wrapped.size());
            }
            float height = lines * CELL_SIZE * LEADING + 2 * PAD;
            page.setNonStrokingColor(0.85f, 0.85f, 0.85f);
            page.addRect(MARGIN, y - height, PAGE.getWidth() - 2 * MARGIN, height);
            page.fill();
            page.setNonStrokingColor(0f, 0f, 0f);
            drawRow(cells, bold, height);
        }

        private void drawRow(List<List<String>> cells, PDFont font, float height) throws IOException {
            float x = MARGIN;
            for (int c = 0; c < widths.length; c++) {
                page.addRect(x, y - height, widths[c], height);
                page.stroke();
                float line = y - PAD - CELL_SIZE;
                for (String text : cells.get(c)) {
                    show(text, font, CELL_SIZE, x + PAD, line);
                    line -= CELL_SIZE * LEADING;
                }
                x += widths[c];
            }
            y -= height;
        }

        private void centred(String text, PDFont font, float size, float x, float width) throws IOException {
            String shown = printable(text, font);
            show(shown, font, size, x + Math.max(0, (width - font.getStringWidth(shown) / 1000 * size) / 2), y);
        }

        private void show(String text, PDFont font, float size, float x, float at) throws IOException {
            page.beginText();
            page.setFont(font, size);
            page.newLineAtOffset(x, at);
            page.showText(printable(text, font));
            page.endText();
        }

        private void newPage() throws IOException {
            if (page != null) {
                page.close();
            }
            PDPage next = new PDPage(PAGE);
            doc.addPage(next);
            page = new PDPageContentStream(doc, next);
            page.setLineWidth(0.5f);
            y = PAGE.getHeight() - MARGIN - 10;
        }

        private void numberPages() throws IOException {
            int count = doc.getNumberOfPages();
            for (int i = 0; i < count; i++) {
                try (PDPageContentStream foot = new PDPageContentStream(doc, doc.getPage(i),
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    String text = "Trang " + (i + 1) + "/" + count;
                    foot.beginText();
                    foot.setFont(regular, 8);
                    foot.newLineAtOffset(PAGE.getWidth() - MARGIN - regular.getStringWidth(text) / 1000 * 8,
                            MARGIN / 2);
                    foot.showText(text);
                    foot.endText();
                }
            }
        }
    }

    private static PDFont font(PDDocument doc, String file) throws IOException {
        try (InputStream in = Fonts.class.getResourceAsStream(Fonts.RESOURCE_DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("font " + file + " is missing from the class path (assets/fonts)");
            }
            return PDType0Font.load(doc, in);
        }
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    /** Lines of at most {@code width} points, broken between words (a word longer than a line is cut). */
    static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        String clean = printable(text, font);
        StringBuilder line = new StringBuilder();
        for (String word : clean.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (font.getStringWidth(rest) / 1000 * size > width && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && font.getStringWidth(rest.substring(0, cut)) / 1000 * size > width) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** NFC, one line, and every character the font cannot draw shown as '?' (PDFBox refuses to write one). */
    static String printable(String text, PDFont font) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("[\\r\\n\\t]+", " ");
        StringBuilder out = new StringBuilder(nfc.length());
        nfc.codePoints().forEach(cp -> {
            String one = new String(Character.toChars(cp));
            try {
                font.encode(one);
                out.append(one);
            } catch (IOException | IllegalArgumentException missing) {
                out.append('?');
            }
        });
        return out.toString();
    }
}
