package vn.loa.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class FiledReportTest {

    private static final Instant NINE = Instant.parse("2026-12-07T02:00:00Z");

    private static Airing airing(int i, String outcome) {
        return new Airing(i, "Thông báo tiêm phòng dại cho chó, mèo đợt " + i, "Văn bản đọc tự động", "SCHEDULED",
                List.of("Thôn Đông"), List.of("/root/xa-a/thon-a1/"), NINE.plusSeconds(600L * i),
                NINE.plusSeconds(600L * i + 75), outcome, "Nguyễn Thị Hằng", "Trần Văn Đức",
                List.of(new Airing.Delivery("loa-1", "Loa chợ", "/root/xa-a/thon-a1/", "PLAYED", null),
                        new Airing.Delivery("loa-2", "Loa đình", "/root/xa-a/thon-a1/", "FAILED",
                                "loa chưa kết nối")));
    }

    private static FiledReport log(int entries) {
        List<Airing> all = new ArrayList<>();
        for (int i = 1; i <= entries; i++) {
            all.add(airing(i, i % 10 == 0 ? "FAILED" : "DONE"));
        }
        return new FiledReport("Xã An Bình", "Sổ nhật ký phát thanh", LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 7), LogTables.log(all), LogTables.LOG_WIDTHS, LocalDate.of(2026, 12, 7),
                LogReport.LOG_SIGNERS);
    }

    @Test
    void theSpreadsheetHasTheHeadingsOneRowPerAiringAndTheSignatureLines() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(FiledXlsx.write(log(30))))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("UBND XÃ AN BÌNH");
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("SỔ NHẬT KÝ PHÁT THANH");
            assertThat(sheet.getRow(4).getCell(0).getStringCellValue())
                    .isEqualTo("Từ ngày 01/12/2026 đến ngày 07/12/2026");
            assertThat(sheet.getRow(FiledXlsx.HEADER_ROW).getCell(3).getStringCellValue()).isEqualTo("Nội dung");
            var first = sheet.getRow(FiledXlsx.HEADER_ROW + 1);
            assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1);
            // 02:10 UTC is 09:10 in Vietnam.
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("07/12/2026 09:10:00");
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("09:11:15");
            assertThat(first.getCell(3).getStringCellValue()).isEqualTo("Thông báo tiêm phòng dại cho chó, mèo đợt 1");
            assertThat(first.getCell(10).getStringCellValue()).isEqualTo("Đã phát 1/2; lỗi: Loa đình (loa chưa kết nối)");
            assertThat(sheet.getRow(FiledXlsx.HEADER_ROW + 10).getCell(9).getStringCellValue()).isEqualTo("Lỗi");
            int signers = FiledXlsx.HEADER_ROW + 30 + 3;
            assertThat(sheet.getRow(signers).getCell(0).getStringCellValue()).isEqualTo("NGƯỜI LẬP SỔ");
            assertThat(sheet.getRow(signers + 1).getCell(0).getStringCellValue()).isEqualTo("(Ký, ghi rõ họ tên)");
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
        }
    }

    @Test
    void thePdfCarriesTheVietnameseTextOnAsManyPagesAsTheRowsNeedWithTheHeaderOnEach() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(FiledPdf.write(log(60)))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
            assertThat(text).contains("UBND XÃ AN BÌNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                    "SỔ NHẬT KÝ PHÁT THANH", "Từ ngày 01/12/2026 đến ngày 07/12/2026", "NGƯỜI LẬP SỔ",
                    "LÃNH ĐẠO UBND XÃ", "(Ký, ghi rõ họ tên)", "Trang 1/" + pdf.getNumberOfPages());
            assertThat(text.replaceAll("\\s+", " ")).contains("đợt 60", "Loa đình");
            PDFTextStripper lastPage = new PDFTextStripper();
            lastPage.setStartPage(pdf.getNumberOfPages());
            lastPage.setEndPage(pdf.getNumberOfPages());
            assertThat(lastPage.getText(pdf)).contains("Người duyệt");
        }
    }

    @Test
    void aCharacterTheFontCannotDrawIsShownAsAQuestionMarkInsteadOfFailingTheFile() throws Exception {
        FiledReport report = new FiledReport("Xã An Bình", "Sổ nhật ký phát thanh", LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 1), new Table("t", List.of(new Table.Column("a", "Nội dung")),
                List.of(List.of("Họp \u4E2D dân\nthôn"))), List.of(1), LocalDate.of(2026, 12, 1),
                List.of("Người lập sổ"));
        try (PDDocument pdf = Loader.loadPDF(FiledPdf.write(report))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Họp ? dân thôn");
        }
    }

    @Test
    void theMonthlyReportCountsTheAiringsThatReachedEachZoneAndItsOwnLoudspeakers() {
        List<LogTables.ZoneRow> zones = List.of(new LogTables.ZoneRow("Xã An Bình", "/root/xa-a/"),
                new LogTables.ZoneRow("Thôn Đông", "/root/xa-a/thon-a1/"),
                new LogTables.ZoneRow("Thôn Tây", "/root/xa-a/thon-a2/"));
        Table table = LogTables.monthly(zones, List.of(airing(1, "DONE"), airing(2, "FAILED")), NINE);
        assertThat(table.rows()).containsExactly(
                List.of("Xã An Bình", 2L, 2.5, 0L, 1L, 0L, 2L, 2L),
                List.of("Thôn Đông", 2L, 2.5, 0L, 1L, 0L, 2L, 2L),
                List.of("Thôn Tây", 0L, 0.0, 0L, 0L, 0L, 0L, 0L));
    }
}
