package vn.loa.server.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Writes a {@link Table} as the files commune offices open in a spreadsheet: CSV (UTF-8 with BOM) and XLSX. */
public final class TableFiles {

    private TableFiles() {
    }

    /** CSV with a byte-order mark, so spreadsheet programs read the Vietnamese headers as UTF-8. */
    public static byte[] csv(Table table) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, table.columns().stream().map(Table.Column::header).map(Object.class::cast).toList());
        table.rows().forEach(row -> line(out, row));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    private static String cell(Object value) {
        String text = value == null ? "" : String.valueOf(value);
        // A leading = + - @ would be run as a formula by a spreadsheet: keep it text.
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    /** One worksheet named after the table, headers in bold, numbers as numbers. */
    public static byte[] xlsx(Table table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(bytes, "Loa", "1.0")) {
            Worksheet sheet = workbook.newWorksheet(table.name());
            for (int c = 0; c < table.columns().size(); c++) {
                sheet.value(0, c, table.columns().get(c).header());
                sheet.style(0, c).bold().set();
                sheet.width(c, Math.max(12, table.columns().get(c).header().length() + 4));
            }
            for (int r = 0; r < table.rows().size(); r++) {
                List<Object> row = table.rows().get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object value = row.get(c);
                    if (value instanceof Number n) {
                        sheet.value(r + 1, c, n);
                    } else if (value != null) {
                        sheet.value(r + 1, c, String.valueOf(value));
                    }
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
