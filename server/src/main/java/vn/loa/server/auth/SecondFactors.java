package vn.loa.server.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.access.Action;
import vn.loa.server.access.Caller;
import vn.loa.server.access.SecondFactor;
import vn.loa.server.access.SessionEnd;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.policy.UnitPolicies;
import vn.loa.server.refusal.Refusal;

/**
 * The second factor (ADR 0024): TOTP enrolment with a QR code and recovery codes, sign-in's second step, and the
 * step-up proof before an emergency. Every enrolment, wrong code, recovery-code use and step-up is audited; after
 * {@link #FAILURE_LIMIT} wrong codes the session ends. Blocking (JDBC).
 */
public final class SecondFactors {

    /** Wrong codes a session may enter before it ends (the password is then needed again, and its throttle counts). */
    static final int FAILURE_LIMIT = 5;

    /** A started enrolment: the secret (shown this once), the URI an app reads, and its QR code as a data URI. */
    public record Enrolment(String secret, String uri, String qr) {
    }

    /** The caller's second factor as they may see it. */
    public record Status(boolean enrolled, boolean required, int recoveryCodesLeft, Instant provedAt,
            SecondFactor.Pending pending) {
    }

    /** A proof accepted: whether it spent a recovery code, and how many are left. */
    public record Proof(boolean recoveryCode, int recoveryCodesLeft) {
    }

    private final Jdbi jdbi;
    private final TotpStore store;
    private final Totp totp = new Totp();
    private final RecoveryCodes recovery = new RecoveryCodes();
    private final Sessions sessions;
    private final UnitPolicies policies;
    private final AuditLog audit;
    private final Clock clock;
    private final String issuer;

    public SecondFactors(Jdbi jdbi, TotpStore store, Sessions sessions, UnitPolicies policies, AuditLog audit,
            Clock clock, String issuer) {
        this.jdbi = jdbi;
        this.store = store;
        this.sessions = sessions;
        this.policies = policies;
        this.audit = audit;
        this.clock = clock;
        this.issuer = issuer;
    }

    public Status status(Caller caller) {
        return jdbi.withHandle(h -> new Status(store.find(h, caller.username()).filter(TotpStore.Secret::confirmed)
                .isPresent(), policies.at(h, caller.unitPath()).requiresTotp(caller.role()),
                store.recoveryCodesLeft(h, caller.username()), caller.factor().provedAt(), caller.factor().pending()));
    }

    /** Starts enrolment with a new secret; refused when the caller already has a confirmed authenticator. */
    public Enrolment enrol(Caller caller) {
        String secret = totp.newSecret();
        jdbi.useTransaction(h -> {
            if (store.find(h, caller.username()).filter(TotpStore.Secret::confirmed).isPresent()) {
                throw Refusal.conflict("totp_enrolled", "Tài khoản đã có ứng dụng xác thực. Muốn đổi điện thoại, hãy "
                        + "tắt xác thực hai bước (hoặc nhờ quản trị viên) rồi đăng ký lại.");
            }
            store.start(h, caller.username(), secret, clock.instant());
            audit.record(h, caller, "auth.totp_enrol_start", "user:" + caller.username(), null);
        });
        String uri = Totp.uri(issuer, caller.username(), secret);
        return new Enrolment(secret, uri, QrImage.dataUri(uri));
    }

    /** Confirms enrolment with the first code the app shows; returns the ten recovery codes, shown this once. */
    public List<String> confirm(Caller caller, String sessionId, String code) {
        Instant now = clock.instant();
        List<String> codes = recovery.generate();
        Outcome outcome = jdbi.inTransaction(h -> {
            TotpStore.Secret secret = store.find(h, caller.username()).filter(s -> !s.confirmed())
                    .orElseThrow(() -> Refusal.conflict("no_enrolment", "Chưa bắt đầu đăng ký ứng dụng xác thực "
                            + "(hoặc đã xác nhận rồi). Hãy bắt đầu lại."));
            OptionalLong step = totp.accept(secret.secret(), code, now, 0);
            if (step.isEmpty() || !store.confirm(h, caller.username(), step.getAsLong(), now)) {
                return failed(h, caller, sessionId, "auth.totp_failed", "xác nhận đăng ký");
            }
            store.replaceRecoveryCodes(h, caller.username(), codes.stream().map(RecoveryCodes::hash).toList());
            sessions.proved(h, sessionId);
            audit.record(h, caller, "auth.totp_enrolled", "user:" + caller.username(),
                    RecoveryCodes.COUNT + " mã khôi phục mới");
            return Outcome.OK;
        });
        settle(outcome, sessionId);
        return codes;
    }

    /**
     * Checks a code from the app, or a recovery code: completes sign-in's second step, or refreshes the session's proof
     * before an emergency (a step-up).
     */
    public Proof verify(Caller caller, String sessionId, String code) {
        if (caller.factor().pending() == SecondFactor.Pending.ENROL) {
            throw Refusal.conflict("totp_enrolment_required", "Đơn vị yêu cầu xác thực hai bước: hãy đăng ký ứng "
                    + "dụng xác thực trước.");
        }
        Instant now = clock.instant();
        boolean recoveryCode = RecoveryCodes.looksLikeOne(code);
        Proof[] proof = new Proof[1];
        Outcome outcome = jdbi.inTransaction(h -> {
            TotpStore.Secret secret = store.find(h, caller.username()).filter(TotpStore.Secret::confirmed)
                    .orElseThrow(() -> Refusal.conflict("totp_not_enrolled", "Tài khoản chưa đăng ký ứng dụng xác "
                            + "thực. Hãy đăng ký trước."));
            boolean right = recoveryCode
                    ? store.spendRecoveryCode(h, caller.username(), RecoveryCodes.hash(code), now)
                    : totp.accept(secret.secret(), code, now, secret.lastStep())
                            .stream().anyMatch(step -> store.spendStep(h, caller.username(), step));
            String why = caller.factor().pending() == null ? "xác thực lại trước tin khẩn cấp" : "đăng nhập";
            if (!right) {
                return failed(h, caller, sessionId, recoveryCode ? "auth.recovery_code_failed" : "auth.totp_failed", why);
            }
            sessions.proved(h, sessionId);
            int left = store.recoveryCodesLeft(h, caller.username());
            String action = recoveryCode ? "auth.recovery_code_used"
                    : caller.factor().pending() == null ? "auth.step_up" : "auth.totp_verified";
            audit.record(h, caller, action, "user:" + caller.username(),
                    why + (recoveryCode ? "; còn " + left + " mã khôi phục" : ""));
            proof[0] = new Proof(recoveryCode, left);
            return Outcome.OK;
        });
        settle(outcome, sessionId);
        return proof[0];
    }

    /** Turns off one's own second factor, after a fresh proof; refused where the unit requires it. */
    public void disable(Caller caller, StepUp stepUp) {
        stepUp.require(caller, "tắt xác thực hai bước");
        jdbi.useTransaction(h -> {
            if (policies.at(h, caller.unitPath()).requiresTotp(caller.role())) {
                throw Refusal.forbidden("Đơn vị yêu cầu lãnh đạo dùng xác thực hai bước; không tắt được.");
            }
            if (store.remove(h, caller.username())) {
                audit.record(h, caller, "auth.totp_disabled", "user:" + caller.username(), null);
            }
        });
    }

    /** An admin removes the second factor of a user of their unit or below (a lost phone); they enrol again. */
    public void reset(Caller admin, String username) {
        if (!admin.may(Action.MANAGE_USERS)) {
            throw Refusal.forbidden("Chỉ quản trị viên được đặt lại xác thực hai bước của người khác.");
        }
        jdbi.useTransaction(h -> {
            String path = h.createQuery("SELECT z.path FROM app_user u JOIN zone z ON z.id = u.unit_id "
                            + "WHERE u.username = :u").bind("u", username).mapTo(String.class).findOne()
                    .filter(admin::covers).orElseThrow(() -> Refusal.notFound("người dùng", username));
            store.remove(h, username);
            sessions.endAllOf(h, username, null, SessionEnd.ENDED_BY_ADMIN);
            audit.record(h, admin, "auth.totp_reset", "user:" + username, "đơn vị " + path);
        });
        sessions.forget(username);
    }

    private enum Outcome { OK, WRONG, ENDED }

    private Outcome failed(Handle h, Caller caller, String sessionId, String action, String why) {
        boolean ended = sessions.failedCode(h, sessionId, FAILURE_LIMIT);
        audit.record(h, caller, action, "user:" + caller.username(), why + (ended ? "; phiên đăng nhập bị kết thúc" : ""));
        return ended ? Outcome.ENDED : Outcome.WRONG;
    }

    /** After the transaction committed: the next request reads the session anew; a wrong code is refused now. */
    private void settle(Outcome outcome, String sessionId) {
        sessions.forgetSession(sessionId);
        if (outcome == Outcome.ENDED) {
            throw new Refusal(Refusal.Kind.UNAUTHENTICATED, "session_ended", SessionEnd.CODE_FAILURES.message());
        }
        if (outcome == Outcome.WRONG) {
            throw Refusal.invalid(
                    "invalid_code", "Mã xác thực không đúng hoặc đã dùng. Hãy nhập mã 6 chữ số đang "
                    + "hiện trong ứng dụng xác thực (hoặc một mã khôi phục).", "code");
        }
    }
}
