package vn.loa.server.display.campaign;

import vn.loa.server.access.Action;
import vn.loa.server.access.Caller;
import vn.loa.server.refusal.Refusal;

/** Who may change what boards show: the same roles that edit a board's playlist. */
final class Editors {

    private Editors() {
    }

    static void require(Caller caller) {
        if (!caller.may(Action.COMPOSE) && !caller.may(Action.MANAGE_DEVICES)) {
            throw Refusal.forbidden("Chỉ cán bộ soạn tin, kỹ thuật viên hoặc quản trị viên được sửa nhóm bảng tin và "
                    + "chiến dịch.");
        }
    }
}
