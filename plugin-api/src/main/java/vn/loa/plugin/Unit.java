package vn.loa.plugin;

import java.util.Objects;

/**
 * An administrative unit of Loa's zone tree (a province, a commune), as a plugin sees it: the tenant a request, a
 * notice or a started plugin belongs to (SPI 1.1).
 *
 * @param id   the unit's zone id ({@code xa-an-binh})
 * @param path its path in the tree, ending with {@code /} ({@code /root/xa-an-binh/}); a unit covers every unit whose
 *             path starts with its own
 */
public record Unit(String id, String path) {

    public Unit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(path, "path");
    }

    /** True when {@code other} is this unit or lies below it: what a caller of this unit may see of it. */
    public boolean covers(Unit other) {
        return other != null && other.path.startsWith(path);
    }
}
