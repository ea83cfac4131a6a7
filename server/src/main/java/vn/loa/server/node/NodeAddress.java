package vn.loa.server.node;

import java.util.regex.Pattern;
import vn.loa.server.refusal.Refusal;

/** Validates the {@code host:port} where a plain RTP receiver listens (a name, an IPv4 address or {@code [IPv6]}). */
final class NodeAddress {

    private static final Pattern HOST_PORT = Pattern.compile(
            "^(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?):([0-9]{1,5})$");

    private NodeAddress() {
    }

    static String require(String address) {
        var m = address == null ? null : HOST_PORT.matcher(address);
        if (m == null || !m.matches() || Integer.parseInt(m.group(3)) < 1 || Integer.parseInt(m.group(3)) > 65535) {
            throw Refusal.invalid("invalid_address",
                    "Loa RTP cần địa chỉ dạng máy:cổng, ví dụ 192.168.1.20:5004 (cổng từ 1 đến 65535).");
        }
        return address;
    }
}
