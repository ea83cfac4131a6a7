package vn.loa.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

class TableFilesTest {

    static final Table TABLE = new Table("Thử", List.of(new Table.Column("name", "Tên"), new Table.Column("n", "Số")),
            List.of(List.of("Loa \"chợ\", Đông", 3L), List.of("=HYPERLINK(\"x\")", 97.5)));

    @Test
    void csvStartsWithAByteOrderMarkAndQuotesCellsThatNeedIt() {
        String csv = new String(TableFiles.csv(TABLE), StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("\uFEFFTên,Số\r\n\"Loa \"\"chợ\"\", Đông\",3\r\n\"'=HYPERLINK(\"\"x\"\")\",97.5\r\n");
    }

    @Test
    void xlsxIsAWorkbookWhoseSheetHoldsNumbersAsNumbers() throws Exception {
        // Read through the central directory, as spreadsheet programs do (the entries are streamed).
        Path file = Files.createTempFile("loa-report-", ".xlsx");
        try (ZipFile zip = new ZipFile(Files.write(file, TableFiles.xlsx(TABLE)).toFile())) {
            assertThat(zip.getEntry("xl/workbook.xml")).isNotNull();
            String sheet = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(sheet).contains("<v>3</v>").contains("<v>97.5</v>");
        } finally {
            Files.delete(file);
        }
    }
}
