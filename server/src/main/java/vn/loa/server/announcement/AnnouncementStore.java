package vn.loa.server.announcement;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import vn.loa.core.model.Announcement;
import vn.loa.core.model.AnnouncementState;
import vn.loa.core.model.Delivery;

/**
 * Where announcements are kept with their target zones, their state history and their delivery per node: the seam
 * between the lifecycle and the database. The server's is {@link JdbiAnnouncementStore}; unit tests use one in memory;
 * one contract test ({@code AnnouncementStoreContract}) holds both to the same behaviour.
 */
public interface AnnouncementStore {

    /** Runs {@code work} in one transaction: all of its writes are kept, or none if it throws. */
    <T> T inTransaction(Function<Rows, T> work);

    /** The store's rows as one transaction sees them. */
    interface Rows {

        /** Stores a new announcement (its id is ignored) with its zones and playlist; returns its id. */
        long insert(Announcement a);

        /** Replaces the content and targets of an announcement (a draft being edited). */
        void update(long id, AnnouncementDraft d, Instant at);

        Optional<Announcement> find(long id);

        /** Paths of the target zones, for scope checks. */
        List<String> zonePaths(long id);

        /** Moves the state only if nobody moved it meanwhile; false when the stored state was not {@code from}. */
        boolean moveState(long id, AnnouncementState from, AnnouncementState to, Instant at);

        /** Adds a row to the state history; {@code from} is null for the first state. */
        void recordTransition(long id, AnnouncementState from, AnnouncementState to, String actor, String reason,
                Instant at);

        /** The state history, oldest first. */
        List<Transition> transitions(long id);

        /** What became of the announcement at each node, by node id. */
        List<Delivery> deliveries(long id);
    }
}
