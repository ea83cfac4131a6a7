package vn.loa.server.announcement;

import java.util.LinkedHashSet;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import vn.loa.core.model.Announcement;
import vn.loa.core.model.AnnouncementState;
import vn.loa.server.access.Action;
import vn.loa.server.access.Caller;
import vn.loa.server.policy.FourEyes;
import vn.loa.server.policy.UnitPolicies;
import vn.loa.server.refusal.Refusal;

/**
 * The four-eyes rule (ADR 0024), where the acting caller's unit policy covers the notice's priority (by default
 * EMERGENCY only): an approver may not approve a notice they wrote, and once a leader (approver or admin) wrote or
 * approved a notice, only a leader may cancel it. Stateless; runs on the lifecycle's handle.
 */
final class FourEyesRule {

    private static final Set<AnnouncementState> APPROVED_ONWARD = Set.of(AnnouncementState.APPROVED,
            AnnouncementState.SCHEDULED, AnnouncementState.ON_AIR);

    private final UnitPolicies policies;
    private final AnnouncementRepository announcements;

    FourEyesRule(UnitPolicies policies, AnnouncementRepository announcements) {
        this.policies = policies;
        this.announcements = announcements;
    }

    void checkApproval(Handle h, Caller caller, Announcement a) {
        if (covers(h, caller, a) && a.createdBy().equals(caller.username())) {
            throw new Refusal(Refusal.Kind.FORBIDDEN,
                    "four_eyes", "Theo quy tắc bốn mắt của đơn vị, bạn không được tự phê duyệt tin do "
                    + "chính mình soạn. Hãy nhờ một lãnh đạo khác phê duyệt.");
        }
    }

    void checkCancel(Handle h, Caller caller, Announcement a) {
        if (caller.may(Action.APPROVE) || !APPROVED_ONWARD.contains(a.state()) || !covers(h, caller, a)) {
            return;
        }
        Set<String> leadersToAsk = new LinkedHashSet<>();
        leadersToAsk.add(a.createdBy());
        announcements.transitions(h, a.id()).stream().filter(t -> "APPROVED".equals(t.to()))
                .forEach(t -> leadersToAsk.add(t.actor()));
        int leaders = h.createQuery("SELECT COUNT(*) FROM app_user WHERE username IN (<names>) "
                        + "AND role IN ('approver', 'admin')")
                .bindList("names", leadersToAsk.stream().toList()).mapTo(Integer.class).one();
        if (leaders > 0) {
            throw new Refusal(Refusal.Kind.FORBIDDEN,
                    "four_eyes", "Theo quy tắc bốn mắt của đơn vị, tin này do lãnh đạo soạn hoặc phê "
                    + "duyệt nên chỉ lãnh đạo (người phê duyệt hoặc quản trị viên) được hủy.");
        }
    }

    private boolean covers(Handle h, Caller caller, Announcement a) {
        FourEyes rule = policies.at(h, caller.unitPath()).fourEyes();
        return rule.covers(a.priority());
    }
}
