package vn.loa.server.hotline;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.hotline.CallReport;
import vn.loa.hotline.CallerGate;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.db.Rows;

/**
 * The hotline's checks against the database: is the number authorised, must its phone answer a digest challenge, is
 * the PIN right, and the record of each call with its recording. Caller ID is a hint (ADR 0022): wrong PINs and wrong
 * digest answers are counted per number and source address, and back that pair off ({@link PinBackoff}), so a caller
 * forging the leader's number from elsewhere never shuts the leader out. Every refusal, wrong PIN and back-off is
 * audited in the number owner's unit (an unknown number in the root unit); repeated failures raise
 * {@code hotline.alarm} ({@link FailureAlarm}). Blocking (JDBC, Argon2id).
 */
final class HotlineGate implements CallerGate {

    private static final Logger LOG = LoggerFactory.getLogger(HotlineGate.class);

    private final Jdbi jdbi;
    private final HotlineNumbers numbers;
    private final HotlineAir air;
    private final AuditLog audit;
    private final Clock clock;
    private final PinBackoff backoff;
    private final FailureAlarm alarm;

    HotlineGate(Jdbi jdbi, HotlineNumbers numbers, HotlineAir air, AuditLog audit, Clock clock, PinBackoff backoff,
            FailureAlarm alarm) {
        this.jdbi = jdbi;
        this.numbers = numbers;
        this.air = air;
        this.audit = audit;
        this.clock = clock;
        this.backoff = backoff;
        this.alarm = alarm;
    }

    @Override
    public Admission admit(String number, String address) {
        return jdbi.inTransaction(h -> {
            var owner = numbers.owner(h, number, address);
            if (owner.isEmpty()) {
                String root = root(h);
                audit.record(h, "sip:" + cut(number), address, root, "hotline.refused", "hotline-number:" + cut(number),
                        "số không được phép gọi đường dây nóng / unknown number");
                raiseIfRepeated(h, "address:" + address, "sip:" + cut(number), address, root);
                LOG.warn("hotline call from unknown number {} ({}) refused", number, address);
                return new Admission(Verdict.UNKNOWN, null);
            }
            var o = owner.get();
            Optional<Instant> until = blockedUntil(h, o.id(), address);
            if (o.locked() || until.isPresent()) {
                audit.record(h, o.caller(), "hotline.refused", "hotline-number:" + o.id(), until
                        .map(u -> "tạm khóa với địa chỉ " + address + " đến " + u + " / backed off")
                        .orElse("số đã bị khóa / number locked"));
                return new Admission(Verdict.LOCKED, null);
            }
            return new Admission(Verdict.ACCEPTED, o.sipHa1());
        });
    }

    @Override
    public PinCheck checkPin(String number, String pin, String address) {
        var owner = jdbi.withHandle(h -> numbers.owner(h, number, address)).orElse(null);
        if (owner == null || owner.locked()
                || jdbi.withHandle(h -> blockedUntil(h, owner.id(), address)).isPresent()) {
            return PinCheck.LOCKED;
        }
        boolean right = numbers.pinMatches(pin, owner.pinHash()); // Argon2id, outside the transaction
        if (!right) {
            return failed(owner, address, "hotline.pin.wrong", "mã PIN sai");
        }
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM hotline_pin_failure WHERE number_id = :id AND address = :a")
                    .bind("id", owner.id()).bind("a", address).execute();
            audit.record(h, owner.caller(), "hotline.pin.accepted", "hotline-number:" + owner.id(), null);
        });
        return PinCheck.ACCEPTED;
    }

    @Override
    public void authenticationFailed(String number, String address) {
        jdbi.withHandle(h -> numbers.owner(h, number, address))
                .ifPresent(owner -> failed(owner, address, "hotline.auth.failed", "xác thực SIP sai"));
    }

    /**
     * Counts a failure of {@code owner}'s number from {@code address}, backs the pair off once there are enough in a
     * row, audits both, and raises the alarm when failures repeat. The number's row is locked for the count, so
     * parallel calls cannot both read the same count.
     */
    private PinCheck failed(HotlineNumbers.Owner owner, String address, String action, String what) {
        return jdbi.inTransaction(h -> {
            h.createQuery("SELECT id FROM hotline_number WHERE id = :id FOR UPDATE").bind("id", owner.id())
                    .mapTo(Long.class).findOne();
            int failures = h.createQuery("SELECT failures FROM hotline_pin_failure WHERE number_id = :id AND "
                            + "address = :a").bind("id", owner.id()).bind("a", address).mapTo(Integer.class)
                    .findOne().orElse(0) + 1;
            Instant now = clock.instant();
            Optional<Instant> until = backoff.after(failures).map(now::plus);
            String sql = failures == 1
                    ? "INSERT INTO hotline_pin_failure (number_id, address, failures, blocked_until) "
                            + "VALUES (:id, :a, :f, :u)"
                    : "UPDATE hotline_pin_failure SET failures = :f, blocked_until = :u "
                            + "WHERE number_id = :id AND address = :a";
            h.createUpdate(sql).bind("id", owner.id()).bind("a", address).bind("f", failures)
                    .bindByType("u", until.map(Rows::utc).orElse(null), java.time.OffsetDateTime.class).execute();
            String target = "hotline-number:" + owner.id();
            audit.record(h, owner.caller(), action, target, what + ", lần sai thứ " + failures + "/"
                    + backoff.attempts() + " từ " + address);
            until.ifPresent(u -> {
                audit.record(h, owner.caller(), "hotline.locked", target, "tạm khóa với địa chỉ " + address + " đến "
                        + u + " sau " + failures + " lần sai / backed off after wrong PINs");
                LOG.warn("hotline number {} from {} backed off until {} after {} failures", owner.number(), address,
                        u, failures);
            });
            String unit = owner.caller().unitPath();
            raiseIfRepeated(h, "number:" + owner.id(), owner.caller().username(), address, unit);
            raiseIfRepeated(h, "address:" + address, owner.caller().username(), address, unit);
            return until.isPresent() ? PinCheck.LOCKED : PinCheck.WRONG;
        });
    }

    /** Audits {@code hotline.alarm} when failures under {@code key} repeat: admins see it in the audit log. */
    private void raiseIfRepeated(Handle h, String key, String actor, String address, String unitPath) {
        if (alarm.failed(key)) {
            audit.record(h, actor, address, unitPath, "hotline.alarm", key, "nhiều lần sai liên tiếp trong "
                    + FailureAlarm.WINDOW.toMinutes() + " phút: có thể có người dò mã PIN hoặc giả số gọi / repeated "
                    + "hotline failures");
            LOG.warn("hotline alarm: repeated failures for {} (last from {})", key, address);
        }
    }

    private Optional<Instant> blockedUntil(Handle h, long numberId, String address) {
        Instant now = clock.instant();
        return h.createQuery("SELECT blocked_until FROM hotline_pin_failure WHERE number_id = :id AND address = :a")
                .bind("id", numberId).bind("a", address)
                .map((rs, ctx) -> Optional.ofNullable(Rows.instant(rs, "blocked_until"))).findOne()
                .flatMap(u -> u).filter(now::isBefore);
    }

    private static String root(Handle h) {
        return h.createQuery("SELECT path FROM zone WHERE parent_id IS NULL ORDER BY path").mapTo(String.class).first();
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
