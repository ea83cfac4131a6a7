package vn.loa.node.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a node's control channel connects: the server's host, port, whether TLS is on, and the WebSocket path.
 *
 * @param path the request path: the server URL's own path (a reverse proxy's prefix) followed by {@link #CONTROL_PATH}
 */
public record ServerAddress(String host, int port, boolean tls, String path) {

    /** Where the server listens for node agents. */
    public static final String CONTROL_PATH = "/api/v1/nodes/control";

    /**
     * Reads the {@code --server} value: {@code http://}, {@code https://}, {@code ws://} or {@code wss://}, a host,
     * an optional port and an optional path prefix.
     *
     * @throws IllegalArgumentException with a message fit for the operator
     */
    public static ServerAddress parse(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean tls = switch (scheme) {
            case "http", "ws" -> false;
            case "https", "wss" -> true;
            default -> throw new IllegalArgumentException("must start with http://, https://, ws:// or wss://: " + url);
        };
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("no host name in " + url);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1); // IPv6 literal: the socket wants it bare
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : tls ? 443 : 80;
        String prefix = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return new ServerAddress(host, port, tls, prefix + CONTROL_PATH);
    }

    /** The HTTP URL of {@code apiPath} (which starts with {@code /api/}) on this server, behind the same prefix. */
    public URI http(String apiPath) {
        String prefix = path.substring(0, path.length() - CONTROL_PATH.length());
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return URI.create((tls ? "https://" : "http://") + shownHost + ":" + port + prefix + apiPath);
    }

    /** The channel's URL, for log lines. */
    @Override
    public String toString() {
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return (tls ? "wss://" : "ws://") + shownHost + ":" + port + path;
    }
}
