package vn.loa.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SyslogFormatTest {

    private final SyslogFormat format = new SyslogFormat("loa máy 1", 4242);

    private static AuditChain.Row row(String target, String detail) {
        return new AuditChain.Row(17, Instant.parse("2026-12-07T01:02:03.456Z"), "clerk", "10.0.0.5",
                "announcement.create", target, "/root/xa-a/", detail, "a".repeat(64), "b".repeat(64));
    }

    @Test
    void aRowIsOneRfc5424MessageWithEveryFieldInStructuredData() {
        String m = format.message(row("12", "Thông báo họp thôn"));

        assertThat(m).startsWith("<109>1 2026-12-07T01:02:03.456Z loa_m_y_1 loa 4242 announcement.create [loa@32473 ");
        assertThat(m).contains(" id=\"17\"", " unit=\"/root/xa-a/\"", " actor=\"clerk\"", " address=\"10.0.0.5\"",
                " target=\"12\"", " prev=\"" + "a".repeat(64) + "\"", " hash=\"" + "b".repeat(64) + "\"");
        assertThat(m).endsWith("] \uFEFFThông báo họp thôn");
    }

    @Test
    void quotesBackslashesAndBracketsInValuesAreEscaped() {
        String m = format.message(row("a\"b]c\\d", null));

        assertThat(m).contains(" target=\"a\\\"b\\]c\\\\d\"").endsWith("]");
    }

    @Test
    void theFrameCountsBytesNotCharacters() {
        byte[] frame = format.frame(row("1", "Lũ quét ở xã Tà Xùa"));
        String text = new String(frame, StandardCharsets.UTF_8);
        int space = text.indexOf(' ');

        int length = Integer.parseInt(text.substring(0, space));
        assertThat(length).isEqualTo(frame.length - space - 1);
        assertThat(length).isGreaterThan(text.length() - space - 1);
    }

    @Test
    void headerFieldsArePrintableAsciiAndNeverEmpty() {
        assertThat(SyslogFormat.header("", 32)).isEqualTo("-");
        assertThat(SyslogFormat.header(null, 32)).isEqualTo("-");
        assertThat(SyslogFormat.header("x".repeat(40), 32)).hasSize(32);
    }
}
