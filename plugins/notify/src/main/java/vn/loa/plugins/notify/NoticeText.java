package vn.loa.plugins.notify;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import vn.loa.plugin.AiredNotice;

/** How a notice reads in a message people get: a subject, a full body, a short form for SMS or Zalo. Pure. */
final class NoticeText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private NoticeText() {
    }

    static String subject(AiredNotice n) {
        return (n.priority().equals("EMERGENCY") ? "[KHẨN CẤP] " : "[Loa] ") + n.title();
    }

    static String body(AiredNotice n) {
        return n.title() + "\n\n" + (n.text() == null ? "(bản ghi âm)" : n.text()) + "\n\nĐã phát lúc "
                + TIME.format(n.airedAt()) + " tại: " + String.join(", ", n.zoneNames()) + ".\n";
    }

    /** One line of at most {@code max} characters, for an SMS gateway or a chat message. */
    static String shortForm(AiredNotice n, int max) {
        String line = subject(n) + ": " + (n.text() == null ? "" : n.text()) + " (" + String.join(", ", n.zoneNames())
                + ")";
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}
