package vn.loa.server.zone;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import vn.loa.server.refusal.Refusal;

/** Checks a zone's multicast destination: an IPv4 multicast address (224.0.0.0/4) and an even RTP port. */
final class MulticastGroup {

    private static final Pattern FORM = Pattern.compile("^(\\d{1,3}(?:\\.\\d{1,3}){3}):(\\d{1,5})$");

    private MulticastGroup() {
    }

    /** The group as given, or null for none; a bad one is a 400 that says what a good one looks like. */
    static String check(String group) {
        if (group == null || group.isBlank()) {
            return null;
        }
        var m = FORM.matcher(group.strip());
        try {
            if (m.matches() && InetAddress.getByName(m.group(1)).isMulticastAddress()) {
                int port = Integer.parseInt(m.group(2));
                // RTP on the even port, RTCP on the odd one above it (RFC 3550 §11).
                if (port >= 1024 && port <= 65534 && port % 2 == 0) {
                    return group.strip();
                }
            }
        } catch (UnknownHostException | NumberFormatException e) {
            // Falls through to the refusal below.
        }
        throw Refusal.invalid("invalid_multicast", "Nhóm multicast phải có dạng 239.x.x.x:cổng-chẵn, "
                + "ví dụ 239.255.10.1:5004 (địa chỉ 224.0.0.0–239.255.255.255, cổng chẵn từ 1024).");
    }
}
