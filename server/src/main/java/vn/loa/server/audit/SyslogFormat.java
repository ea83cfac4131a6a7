package vn.loa.server.audit;

import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;

/**
 * Writes an audit row as one RFC 5424 syslog message, framed by octet counting (RFC 6587, as RFC 5425 asks over TLS).
 * Facility 13 (log audit), severity 5 (notice). Every stored field, the row's place in its chain and both hashes go
 * into one structured-data element, so a receiver can check the chain without the database. {@code 32473} is the
 * enterprise number RFC 5612 sets aside for documentation, as Loa has none of its own.
 */
final class SyslogFormat {

    static final String SD_ID = "loa@32473";
    private static final int PRI = 13 * 8 + 5;
    private static final String BOM = "\uFEFF";

    private final String hostname;
    private final String procId;

    SyslogFormat(String hostname, long pid) {
        this.hostname = header(hostname, 255);
        this.procId = Long.toString(pid);
    }

    /** The framed message: its length in bytes, a space, the message. */
    byte[] frame(AuditChain.Row row) {
        byte[] message = message(row).getBytes(StandardCharsets.UTF_8);
        byte[] prefix = (message.length + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] framed = new byte[prefix.length + message.length];
        System.arraycopy(prefix, 0, framed, 0, prefix.length);
        System.arraycopy(message, 0, framed, prefix.length, message.length);
        return framed;
    }

    /** The message itself: header, structured data, and the row's detail as the UTF-8 text (with its BOM). */
    String message(AuditChain.Row row) {
        StringBuilder m = new StringBuilder();
        m.append('<').append(PRI).append(">1 ")
                .append(row.at().truncatedTo(ChronoUnit.MILLIS)).append(' ')
                .append(hostname).append(" loa ").append(procId).append(' ')
                .append(header(row.action(), 32)).append(' ');
        m.append('[').append(SD_ID);
        param(m, "id", Long.toString(row.id()));
        param(m, "unit", row.unitPath());
        param(m, "actor", row.actor());
        param(m, "address", row.address());
        param(m, "action", row.action());
        param(m, "target", row.target());
        param(m, "prev", row.prevHash());
        param(m, "hash", row.rowHash());
        m.append(']');
        if (row.detail() != null && !row.detail().isEmpty()) {
            m.append(' ').append(BOM).append(row.detail());
        }
        return m.toString();
    }

    /** A header field: printable US-ASCII without spaces, at most {@code max} characters; "-" when nothing is left. */
    static String header(String value, int max) {
        if (value == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (out.length() == max) {
                break;
            }
            out.append(c > 32 && c < 127 ? c : '_');
        }
        return out.isEmpty() ? "-" : out.toString();
    }

    /** A structured-data parameter, omitted when null; {@code "}, {@code \} and {@code ]} are escaped (RFC 5424 6.3.3). */
    private static void param(StringBuilder m, String name, String value) {
        if (value == null) {
            return;
        }
        m.append(' ').append(name).append("=\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\' || c == ']') {
                m.append('\\');
            }
            m.append(c);
        }
        m.append('"');
    }
}
