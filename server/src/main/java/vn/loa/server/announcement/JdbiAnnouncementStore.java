package vn.loa.server.announcement;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.loa.core.model.Announcement;
import vn.loa.core.model.AnnouncementState;
import vn.loa.core.model.Delivery;

/** The announcement store in Loa's database, through the SQL of {@link AnnouncementRepository}. Blocking (JDBC). */
public final class JdbiAnnouncementStore implements AnnouncementStore {

    private final Jdbi jdbi;
    private final AnnouncementRepository sql;

    public JdbiAnnouncementStore(Jdbi jdbi, AnnouncementRepository sql) {
        this.jdbi = jdbi;
        this.sql = sql;
    }

    @Override
    public <T> T inTransaction(Function<Rows, T> work) {
        return jdbi.inTransaction(h -> work.apply(rows(h)));
    }

    /** Rows read and written on one SQL transaction, which others may write in too (the link's outbox). */
    public interface SqlRows extends Rows {
        Handle handle();
    }

    /** The rows on a transaction the caller already holds (one that also checks scopes or writes the audit). */
    public SqlRows rows(Handle h) {
        return new SqlRows() {
            @Override
            public Handle handle() {
                return h;
            }

            @Override
            public long insert(Announcement a) {
                return sql.insert(h, a);
            }

            @Override
            public void update(long id, AnnouncementDraft d, Instant at) {
                sql.update(h, id, d, at);
            }

            @Override
            public Optional<Announcement> find(long id) {
                return sql.find(h, id);
            }

            @Override
            public List<String> zonePaths(long id) {
                return sql.zonePaths(h, id);
            }

            @Override
            public boolean moveState(long id, AnnouncementState from, AnnouncementState to, Instant at) {
                return sql.moveState(h, id, from, to, at);
            }

            @Override
            public void recordTransition(long id, AnnouncementState from, AnnouncementState to, String actor,
                    String reason, Instant at) {
                sql.recordTransition(h, id, from, to, actor, reason, at);
            }

            @Override
            public List<Transition> transitions(long id) {
                return sql.transitions(h, id);
            }

            @Override
            public List<Delivery> deliveries(long id) {
                return sql.deliveries(h, id);
            }
        };
    }
}
