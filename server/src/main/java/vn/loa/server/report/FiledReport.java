package vn.loa.server.report;

import java.time.LocalDate;
import java.util.List;

/**
 * A report laid out as a commune office files it: the unit's name and the national heading, a title, the period it
 * covers, the table, the place and date it was drawn up, and the signature blocks. {@link FiledXlsx} and
 * {@link FiledPdf} print the same thing.
 *
 * @param unit the unit's name as it heads the page, e.g. "Xã An Bình"
 * @param widths each column's share of the page width (any positive numbers; the writers scale them)
 * @param signers who signs below the table, left to right, e.g. "Người lập sổ", "Lãnh đạo UBND xã"
 */
public record FiledReport(String unit, String title, LocalDate from, LocalDate to, Table table, List<Integer> widths,
        LocalDate drawnUp, List<String> signers) {

    /** The heading on the left: the unit's people's committee and its station. */
    public List<String> unitHeading() {
        return List.of("UBND " + unit.toUpperCase(java.util.Locale.forLanguageTag("vi")), "ĐÀI TRUYỀN THANH");
    }

    /** The national heading on the right, as every Vietnamese administrative document carries. */
    public static List<String> nationalHeading() {
        return List.of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc");
    }

    /** "Từ ngày 01/12/2026 đến ngày 31/12/2026". */
    public String period() {
        return "Từ ngày " + day(from) + " đến ngày " + day(to);
    }

    /** "Ngày 07 tháng 12 năm 2026", above the signatures. */
    public String dateLine() {
        return String.format("Ngày %02d tháng %02d năm %d", drawnUp.getDayOfMonth(), drawnUp.getMonthValue(),
                drawnUp.getYear());
    }

    /** The line under each signer's title. */
    public static String signHint() {
        return "(Ký, ghi rõ họ tên)";
    }

    static String day(LocalDate date) {
        return String.format("%02d/%02d/%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }
}
