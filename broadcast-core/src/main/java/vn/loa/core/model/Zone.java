package vn.loa.core.model;

/**
 * An administrative unit or speaker group in the zone tree (province → commune → village → speaker group, any depth).
 *
 * @param id     stable identifier, a lower-case slug
 * @param name   the name people use, in Vietnamese
 * @param parent the enclosing unit's id, or null for the root
 * @param path   the ids from the root down to this zone, as {@code /root/xa-a/thon-1/}; a zone covers every zone whose
 *               path starts with its own
 * @param multicast the {@code group:port} where the zone's G.711 stream is also multicast, or null for unicast only
 */
public record Zone(String id, String name, String parent, String path, String multicast) {

    /** A zone without a multicast group. */
    public Zone(String id, String name, String parent, String path) {
        this(id, name, parent, path, null);
    }

    /** The path a child with {@code childId} gets under this zone. */
    public String childPath(String childId) {
        return path + childId + "/";
    }

    /** True when {@code other} is this zone or lies anywhere below it. */
    public boolean covers(Zone other) {
        return other.path.startsWith(path);
    }
}
