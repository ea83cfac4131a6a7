package vn.loa.server.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a {@link FiledReport} as an XLSX workbook (Apache POI) that prints as the office files it: headings, title and
 * period merged across the table, bordered cells that wrap, the header row repeated on every printed page, A4
 * landscape fitted to the page width, the date line and signature blocks below.
 */
public final class FiledXlsx {

    /** The row (0-based) of the table's header: after two heading rows, a blank, the title, the period, a blank. */
    public static final int HEADER_ROW = 6;

    private FiledXlsx() {
    }

    public static byte[] write(FiledReport report) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(book);
            Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(report.table().name()));
            int columns = report.table().columns().size();
            int half = Math.max(1, columns / 2);
            List<String> left = report.unitHeading();
            List<String> right = FiledReport.nationalHeading();
            for (int r = 0; r < 2; r++) {
                merged(sheet, r, 0, half - 1, left.get(r), styles.bold);
                merged(sheet, r, half, columns - 1, right.get(r), styles.bold);
            }
            merged(sheet, 3, 0, columns - 1, report.title().toUpperCase(java.util.Locale.forLanguageTag("vi")),
                    styles.title);
            merged(sheet, 4, 0, columns - 1, report.period(), styles.centre);
            Row header = sheet.createRow(HEADER_ROW);
            for (int c = 0; c < columns; c++) {
                text(header, c, report.table().columns().get(c).header(), styles.header);
                sheet.setColumnWidth(c, Math.min(255, 4 * report.widths().get(c)) * 256);
            }
            int r = HEADER_ROW + 1;
            for (List<Object> values : report.table().rows()) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    if (value instanceof Number n) {
                        Cell cell = row.createCell(c);
                        cell.setCellValue(n.doubleValue());
                        cell.setCellStyle(styles.cell);
                    } else {
                        text(row, c, value == null ? "" : String.valueOf(value), styles.cell);
                    }
                }
            }
            r++;
            merged(sheet, r++, half, columns - 1, report.dateLine(), styles.italicCentre);
            int share = Math.max(1, columns / report.signers().size());
            for (int s = 0; s < report.signers().size(); s++) {
                int first = s * share;
                int last = s == report.signers().size() - 1 ? columns - 1 : first + share - 1;
                merged(sheet, r, first, last, report.signers().get(s).toUpperCase(java.util.Locale.forLanguageTag("vi")),
                        styles.bold);
                merged(sheet, r + 1, first, last, FiledReport.signHint(), styles.italicCentre);
            }
            sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, 0, columns - 1));
            sheet.setFitToPage(true);
            PrintSetup print = sheet.getPrintSetup();
            print.setLandscape(true);
            print.setPaperSize(PrintSetup.A4_PAPERSIZE);
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void merged(Sheet sheet, int r, int first, int last, String text, CellStyle style) {
        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        text(row, first, text, style);
        if (last > first) {
            sheet.addMergedRegion(new CellRangeAddress(r, r, first, last));
        }
    }

    private static void text(Row row, int c, String text, CellStyle style) {
        Cell cell = row.createCell(c);
        // A leading = + - @ is text here: POI writes a string cell, never a formula.
        cell.setCellValue(text);
        cell.setCellStyle(style);
    }

    /** The few styles the page uses, made once per workbook (Excel caps their number). */
    private static final class Styles {
        final CellStyle bold;
        final CellStyle title;
        final CellStyle centre;
        final CellStyle italicCentre;
        final CellStyle header;
        final CellStyle cell;

        Styles(XSSFWorkbook book) {
            bold = centred(book, font(book, true, false, 11));
            title = centred(book, font(book, true, false, 14));
            centre = centred(book, font(book, false, false, 11));
            italicCentre = centred(book, font(book, false, true, 11));
            header = bordered(book, font(book, true, false, 10));
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            cell = bordered(book, font(book, false, false, 10));
        }

        private static Font font(XSSFWorkbook book, boolean bold, boolean italic, int points) {
            Font font = book.createFont();
            font.setFontName("Times New Roman");
            font.setBold(bold);
            font.setItalic(italic);
            font.setFontHeightInPoints((short) points);
            return font;
        }

        private static CellStyle centred(XSSFWorkbook book, Font font) {
            CellStyle style = book.createCellStyle();
            style.setFont(font);
            style.setAlignment(HorizontalAlignment.CENTER);
            return style;
        }

        private static CellStyle bordered(XSSFWorkbook book, Font font) {
            CellStyle style = book.createCellStyle();
            style.setFont(font);
            style.setWrapText(true);
            style.setVerticalAlignment(VerticalAlignment.TOP);
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }
    }
}
