package vn.loa.server.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Whether this server is one member of a cluster (ADR 0038), and how it finds the others: an explicit member list,
 * never multicast.
 *
 * @param members {@code host:port} of the members' cluster ports
 * @param host    the address of this member that the others reach
 * @param port    this member's cluster port
 * @param publicUrls the members' addresses as board players reach them (behind a proxy or NAT: {@code
 *                   https://a.example}); empty: each member's own {@code http://host:httpPort}
 */
public record ClusterSettings(boolean enabled, List<String> members, String host, int port, List<String> publicUrls) {

    /** Not clustered: one process, as Loa has always run. */
    public static final ClusterSettings ALONE = new ClusterSettings(false, List.of(), "127.0.0.1", 5701, List.of());

    static ClusterSettings from(Properties p, boolean postgres) {
        String on = p.getProperty("cluster", "false").trim();
        if (!on.equals("true") && !on.equals("false")) {
            throw new ConfigException("cluster (LOA_CLUSTER) must be true or false, got '" + on + "'");
        }
        if (on.equals("false")) {
            return ALONE;
        }
        if (!postgres) {
            throw new ConfigException("cluster (LOA_CLUSTER) needs PostgreSQL: the members share its database; "
                    + "set db.url (LOA_DB_URL) to a jdbc:postgresql: URL. The embedded H2 serves one server only");
        }
        String host = p.getProperty("cluster.host", "").trim();
        if (host.isEmpty() || host.contains(":") || host.contains(",")) {
            throw new ConfigException("cluster.host (LOA_CLUSTER_HOST) must be this server's address (a host name "
                    + "or IPv4 address), got '" + host + "'");
        }
        int port = ConfigLoader.integer(p, "cluster.port", 1, 65535);
        List<String> members = new ArrayList<>();
        for (String member : p.getProperty("cluster.members", "").split(",")) {
            if (!member.isBlank()) {
                members.add(member(member.trim()));
            }
        }
        if (members.isEmpty()) {
            throw new ConfigException("cluster.members (LOA_CLUSTER_MEMBERS) must list the members as host:port,... "
                    + "when cluster=true (there is no multicast discovery)");
        }
        return new ClusterSettings(true, List.copyOf(members), host, port, publicUrls(p));
    }

    /**
     * {@code cluster.public.urls}: origins ({@code scheme://host[:port]}, no path), as a browser's {@code Origin}
     * names them, since the members answer CORS for these exact strings.
     */
    private static List<String> publicUrls(Properties p) {
        List<String> urls = new ArrayList<>();
        for (String url : p.getProperty("cluster.public.urls", "").split(",")) {
            String origin = url.trim().replaceFirst("/+$", "");
            if (origin.isEmpty()) {
                continue;
            }
            if (!origin.matches("https?://[A-Za-z0-9.\\-]+(:\\d{1,5})?|https?://\\[[0-9A-Fa-f:.]+](:\\d{1,5})?")) {
                throw new ConfigException("cluster.public.urls (LOA_CLUSTER_PUBLIC_URLS) must be the members' addresses "
                        + "as players reach them, http(s)://host[:port] separated by commas, without a path; got '"
                        + url.trim() + "'");
            }
            urls.add(origin);
        }
        return List.copyOf(urls);
    }

    private static String member(String member) {
        int colon = member.lastIndexOf(':');
        String bad = "cluster.members (LOA_CLUSTER_MEMBERS) must be host:port,... with ports 1-65535, got '"
                + member + "'";
        if (colon <= 0 || colon == member.length() - 1) {
            throw new ConfigException(bad);
        }
        try {
            int port = Integer.parseInt(member.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new ConfigException(bad);
            }
        } catch (NumberFormatException e) {
            throw new ConfigException(bad);
        }
        return member;
    }
}
