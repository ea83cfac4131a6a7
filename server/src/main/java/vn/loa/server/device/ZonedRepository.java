package vn.loa.server.device;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import vn.loa.server.db.Scoped;

/** SQL of a kind of device that lives in one zone (loudspeaker nodes, display boards). Runs on the caller's handle. */
public interface ZonedRepository<T> {

    /** The device and the path of its zone, for scope checks without a second query. */
    Optional<Scoped<T>> find(Handle h, String id);

    /** Every device in the zones below {@code pathPrefix}, by id. */
    List<T> inSubtree(Handle h, String pathPrefix);

    boolean exists(Handle h, String id);

    void insert(Handle h, T device, Instant now);

    void update(Handle h, T device, Instant now);

    void delete(Handle h, String id);
}
