package vn.loa.server.announcement;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import vn.loa.server.refusal.Refusal;

/**
 * Which hosts a relay may pull a stream from: not this machine, not link-local (the cloud metadata service at
 * 169.254.169.254) and not a private network, so a clerk cannot make the server fetch from inside the commune's
 * network (issue 22), unless an admin lists the host in {@code relay.allowed.hosts}.
 *
 * <p>Blocking (a name lookup); thread-safe.
 */
public final class RelayPolicy {

    private static final Set<String> SCHEMES = Set.of("http", "https", "icy", "rtsp");
    /** The announcement's column. */
    private static final int MAX_LENGTH = 2000;

    private final Set<String> allowedHosts;

    /** @param allowedHosts host names or address literals, lower case, allowed although they are private */
    public RelayPolicy(Set<String> allowedHosts) {
        this.allowedHosts = allowedHosts;
    }

    /**
     * The URL itself if Loa can open it (http(s), icy or rtsp, with a host), else refused 400 {@code invalid_relay_url}:
     * what a clerk types and what a bulletin from an upstream system names pass the same test.
     */
    public static String wellFormed(String value) {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    || uri.getHost() == null || value.length() > MAX_LENGTH) {
                throw new URISyntaxException(value, "scheme, host or length");
            }
            return value;
        } catch (URISyntaxException e) {
            throw Refusal.invalid("invalid_relay_url", "Địa chỉ tiếp sóng phải là URL http(s)://, icy:// hoặc "
                    + "rtsp:// có tên máy, ví dụ http://radio.vn/vov1.mp3.", "relayUrl");
        }
    }

    /** Refuses a relay URL that is malformed, or whose host is, or resolves to, a private address. */
    public void check(String relayUrl) {
        if (relayUrl == null) {
            return;
        }
        String host = URI.create(wellFormed(relayUrl)).getHost().toLowerCase(Locale.ROOT);
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (allowedHosts.contains(host) || allowedHosts.contains(bare)) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            throw Refusal.invalid("invalid_relay_url", "Không tìm thấy máy chủ '" + host
                    + "' của địa chỉ tiếp sóng. Kiểm tra lại tên máy.", "relayUrl");
        }
        for (InetAddress address : addresses) {
            if (isPrivate(address)) {
                throw Refusal.invalid(
                        "relay_url_private", "Địa chỉ tiếp sóng '" + host + "' trỏ vào mạng nội bộ hoặc "
                        + "chính máy chủ (" + address.getHostAddress() + "); Loa không tiếp sóng từ đó. Quản trị viên "
                        + "có thể cho phép máy này trong relay.allowed.hosts.", "relayUrl");
            }
        }
    }

    /** Loopback, any-local, link-local, site-local (10/8, 172.16/12, 192.168/16), carrier NAT, unique-local, multicast. */
    static boolean isPrivate(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 || first == 255 || (first == 100 && second >= 64 && second < 128);
    }
}
