package vn.loa.server.display.campaign;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import vn.loa.display.campaign.Campaign;
import vn.loa.display.screen.PlaylistItem;
import vn.loa.server.access.Caller;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.refusal.Refusal;

/**
 * Campaigns of the caller's unit, scheduled to its display groups: checked (a known layout, a share of voice an
 * interrupt can have, pictures that were uploaded), audited, and put on the boards at once. Blocking (JDBC).
 */
public final class Campaigns {

    /** An interrupt takes at most half of every hour: the boards' own content keeps the other half. */
    public static final int MAX_SHARE_SECONDS = 1800;

    private final Jdbi jdbi;
    private final CampaignRepository repository;
    private final vn.loa.server.layout.LayoutCatalog layouts;
    private final Runnable refresh;
    private final AuditLog audit;
    private final Clock clock;

    public Campaigns(Jdbi jdbi, CampaignRepository repository,
            vn.loa.server.layout.LayoutCatalog layouts, Runnable refresh, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.repository = repository;
        this.layouts = layouts;
        this.refresh = refresh;
        this.audit = audit;
        this.clock = clock;
    }

    public List<CampaignRepository.Scheduled> list(Caller caller) {
        return jdbi.withHandle(h -> repository.campaigns(h, caller.unitPath()));
    }

    public CampaignRepository.Scheduled get(Caller caller, String id) {
        return list(caller).stream().filter(s -> s.campaign().id().equals(id)).findFirst()
                .orElseThrow(() -> Refusal.notFound("chiến dịch", id));
    }

    /** Creates the campaign, or replaces one of the caller's unit with that id. */
    public CampaignRepository.Scheduled save(Caller caller, CampaignRepository.Scheduled s, boolean create) {
        Editors.require(caller);
        Campaign c = s.campaign();
        check(c);
        jdbi.useTransaction(h -> {
            boolean exists = h.createQuery("SELECT COUNT(*) FROM campaign WHERE id = :id").bind("id", c.id())
                    .mapTo(Integer.class).one() > 0;
            if (create && exists) {
                throw Refusal.conflict("campaign_exists", "Đã có chiến dịch mã '" + c.id() + "'.");
            }
            if (!create && repository.campaigns(h, caller.unitPath()).stream()
                    .noneMatch(o -> o.campaign().id().equals(c.id()))) {
                throw Refusal.notFound("chiến dịch", c.id());
            }
            for (String g : s.groups()) {
                repository.group(h, g, caller.unitPath()).orElseThrow(() -> Refusal.notFound("nhóm bảng tin", g));
            }
            for (PlaylistItem i : c.items()) {
                if (i.kind() == PlaylistItem.Kind.IMAGE && h.createQuery("SELECT COUNT(*) FROM board_media WHERE id = :m "
                        + "AND kind = 'IMAGE'").bind("m", i.mediaId()).mapTo(Integer.class).one() == 0) {
                    throw Refusal.invalid("unknown_media", "Không có ảnh '" + i.mediaId() + "' đã tải lên.", "items");
                }
            }
            repository.saveCampaign(h, s, caller.unitPath(), caller.username(), clock.instant());
            audit.record(h, caller, "board.campaign", "campaign:" + c.id(), c.mode() + ", ưu tiên " + c.priority()
                    + ", " + c.items().size() + " mục, " + s.groups().size() + " nhóm");
        });
        refresh.run();
        return get(caller, c.id());
    }

    public void delete(Caller caller, String id) {
        Editors.require(caller);
        get(caller, id);
        jdbi.useTransaction(h -> {
            repository.deleteCampaign(h, id);
            audit.record(h, caller, "board.campaign.delete", "campaign:" + id, "");
        });
        refresh.run();
    }

    private void check(Campaign c) {
        if (c.layout() != null) {
            try {
                layouts.named(c.layout());
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid("invalid_campaign", e.getMessage(), "layout");
            }
        }
        if (c.startsAt() != null && c.endsAt() != null && !c.endsAt().isAfter(c.startsAt())) {
            throw Refusal.invalid("invalid_campaign", "Thời điểm kết thúc phải sau thời điểm bắt đầu.", "endsAt");
        }
        if ((c.from() == null) != (c.to() == null)) {
            throw Refusal.invalid("invalid_campaign", "Khung giờ cần cả 'from' và 'to' (giờ:phút), hoặc bỏ cả hai.",
                    "from");
        }
        if (c.mode() == Campaign.Mode.INTERRUPT && (c.shareSeconds() < 1 || c.shareSeconds() > MAX_SHARE_SECONDS)) {
            throw Refusal.invalid("invalid_campaign", "Chiến dịch chen ngang cần thời lượng mỗi giờ từ 1 đến "
                    + MAX_SHARE_SECONDS + " giây (shareSeconds), hoặc 1–50 % (sharePercent).", "shareSeconds");
        }
        if (c.mode() == Campaign.Mode.OVERLAY && c.items().stream().anyMatch(i -> i.kind() != PlaylistItem.Kind.TEXT
                || i.title().isBlank())) {
            throw Refusal.invalid("invalid_campaign", "Dòng chữ phủ chỉ nhận mục chữ có tiêu đề.", "items");
        }
    }
}
