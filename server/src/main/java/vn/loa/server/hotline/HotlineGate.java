package vn.loa.server.hotline;

import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.hotline.CallReport;
import vn.loa.hotline.CallerGate;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.db.Rows;

/**
 * The hotline's checks against the database: is the number authorised, is the PIN right (a number is locked after
 * {@code attempts} wrong PINs in a row), and the record of each call with its recording. Every refusal, wrong PIN and
 * lock is audited in the number owner's unit (an unknown number in the root unit). Blocking (JDBC, Argon2id).
 */
final class HotlineGate implements CallerGate {

    private static final Logger LOG = LoggerFactory.getLogger(HotlineGate.class);

    private final Jdbi jdbi;
    private final HotlineNumbers numbers;
    private final HotlineAir air;
    private final AuditLog audit;
    private final Clock clock;
    private final int attempts;

    HotlineGate(Jdbi jdbi, HotlineNumbers numbers, HotlineAir air, AuditLog audit, Clock clock, int attempts) {
        this.jdbi = jdbi;
        this.numbers = numbers;
        this.air = air;
        this.audit = audit;
        this.clock = clock;
        this.attempts = attempts;
    }

    @Override
    public Admission admit(String number, String address) {
        return jdbi.inTransaction(h -> {
            var owner = numbers.owner(h, number, address);
            if (owner.isEmpty()) {
                String root = h.createQuery("SELECT path FROM zone WHERE parent_id IS NULL ORDER BY path")
                        .mapTo(String.class).first();
                audit.record(h, "sip:" + cut(number), address, root, "hotline.refused", "hotline-number:" + cut(number),
                        "số không được phép gọi đường dây nóng / unknown number");
                LOG.warn("hotline call from unknown number {} ({}) refused", number, address);
                return Admission.UNKNOWN;
            }
            if (owner.get().locked()) {
                audit.record(h, owner.get().caller(), "hotline.refused", "hotline-number:" + owner.get().id(),
                        "số đã bị khóa / number locked");
                return Admission.LOCKED;
            }
            return Admission.ACCEPTED;
        });
    }

    @Override
    public PinCheck checkPin(String number, String pin, String address) {
        var owner = jdbi.withHandle(h -> numbers.owner(h, number, address)).orElse(null);
        if (owner == null || owner.locked()) {
            return PinCheck.LOCKED;
        }
        boolean right = numbers.pinMatches(pin, owner.pinHash()); // Argon2id, outside the transaction
        return jdbi.inTransaction(h -> {
            String target = "hotline-number:" + owner.id();
            if (right) {
                h.createUpdate("UPDATE hotline_number SET failures = 0 WHERE id = :id").bind("id", owner.id()).execute();
                audit.record(h, owner.caller(), "hotline.pin.accepted", target, null);
                return PinCheck.ACCEPTED;
            }
            int failures = h.createQuery("SELECT failures FROM hotline_number WHERE id = :id").bind("id", owner.id())
                    .mapTo(Integer.class).one() + 1;
            boolean lock = failures >= attempts;
            h.createUpdate("UPDATE hotline_number SET failures = :f, locked = :l WHERE id = :id")
                    .bind("f", failures).bind("l", lock).bind("id", owner.id()).execute();
            audit.record(h, owner.caller(), "hotline.pin.wrong", target, "lần sai thứ " + failures + "/" + attempts);
            if (lock) {
                audit.record(h, owner.caller(), "hotline.locked", target,
                        "khóa sau " + failures + " lần nhập sai mã PIN / locked after wrong PINs");
                LOG.warn("hotline number {} locked after {} wrong PINs", number, failures);
            }
            return lock ? PinCheck.LOCKED : PinCheck.WRONG;
        });
    }

    @Override
    public void ended(CallReport report) {
        Long announcement = air.announcementOf(report.callId());
        jdbi.useTransaction(h -> {
            var owner = numbers.owner(h, report.number(), report.address());
            String unitPath = owner.map(o -> o.caller().unitPath()).orElse("/");
            long id = h.createUpdate("INSERT INTO hotline_call (call_ref, number, address, unit_path, outcome, "
                            + "recording, announcement_id, started_at, ended_at) VALUES (:ref, :n, :a, :u, :o, :r, :ann, "
                            + ":s, :e)")
                    .bind("ref", report.callId()).bind("n", report.number()).bind("a", report.address())
                    .bind("u", unitPath).bind("o", report.outcome())
                    .bind("r", report.recording() == null ? null : report.recording().toString())
                    .bind("ann", announcement).bind("s", Rows.utc(report.started())).bind("e", Rows.utc(report.ended()))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            String detail = report.outcome() + ", " + java.time.Duration.between(report.started(), report.ended())
                    .toSeconds() + " s" + (report.recording() == null ? "" : ", ghi âm " + report.recording());
            if (owner.isPresent()) {
                audit.record(h, owner.get().caller(), "hotline.call", "hotline-call:" + id, detail);
            } else {
                audit.record(h, "sip:" + cut(report.number()), report.address(), unitPath, "hotline.call",
                        "hotline-call:" + id, detail);
            }
        });
        air.forget(report.callId());
    }

    private static String cut(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40);
    }
}
