package vn.loa.server.display;

import vn.loa.display.screen.ScreenRenderer;
import vn.loa.display.screen.MediaStore;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.core.model.Board;
import vn.loa.server.announcement.AnnouncementService;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.device.DeviceRegistry;
import vn.loa.server.http.Blocking;
import vn.loa.server.zone.ZoneRepository;

/**
 * Everything that puts content on display boards, assembled: screens and banners, the content API, the web players
 * and their socket, the LED matrices over DDP, and the hooks that raise a banner for every emergency announcement and a
 * text slide for every ordinary notice on air.
 */
public final class BoardStation implements AutoCloseable {

    /** Day-parting and brightness follow the commune's clock. */
    public static final ZoneId TIME_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    /** LED matrices get this many frames a second. */
    public static final int DDP_FPS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(BoardStation.class);

    private final Vertx vertx;
    private final Banners banners;
    private final BoardScreens screens;
    private final BoardContentRoutes contentRoutes;
    private final vn.loa.server.layout.LayoutRoutes layoutRoutes;
    private final PlayerRoutes playerRoutes;
    private final PlayerSockets sockets;
    private final PlayerKeys keys;
    private final Blocking blocking;
    private final LedBoards leds;
    private final ProposedSlides slides;
    private final ProposedSlideRoutes slideRoutes;
    private final AnnouncementSlides announcementSlides;
    private final AnnouncementSlideRoutes announcementSlideRoutes;
    private final vn.loa.server.display.campaign.CampaignRoutes campaignRoutes;
    private final AlertBoardBanners alertBanners;
    private final java.util.concurrent.ExecutorService bannerWorker;
    private final long bannerTimer;
    private final long refreshTimer;

    /** @param noticeLinger how long an ordinary notice's slide stays on the boards after it went off air */
    public BoardStation(Vertx vertx, Jdbi jdbi, DeviceRegistry<Board> boards,
            vn.loa.server.layout.LayoutCatalog layouts, AnnouncementService lifecycle, AuditLog audit, Path dataDir,
            Blocking blocking, Clock clock, java.time.Duration noticeLinger) {
        this.vertx = vertx;
        MediaStore store = new MediaStore(dataDir);
        ScreenRenderer renderer = new ScreenRenderer(store, TIME_ZONE);
        BoardContentRepository repository = new BoardContentRepository();
        this.banners = new Banners(jdbi, new ZoneRepository(), clock);
        Banners notices = new Banners(jdbi, new ZoneRepository(), clock);
        this.screens = new BoardScreens(jdbi, repository, banners, notices, renderer, layouts, clock,
                TIME_ZONE);
        BoardContent content = new BoardContent(jdbi, boards, repository, store, screens, layouts, audit, clock);
        this.contentRoutes = new BoardContentRoutes(content, boards, screens, renderer, layouts, blocking, clock);
        this.layoutRoutes = new vn.loa.server.layout.LayoutRoutes(layouts, blocking);
        this.playerRoutes = new PlayerRoutes(screens, renderer, store, blocking, clock);
        this.keys = new PlayerKeys(jdbi, boards, audit);
        this.blocking = blocking;
        this.sockets = new PlayerSockets(screens, content, keys, blocking, clock, TIME_ZONE);
        this.slides = new ProposedSlides(jdbi, boards, repository, screens, audit, clock);
        this.slideRoutes = new ProposedSlideRoutes(slides, blocking);
        this.announcementSlides = new AnnouncementSlides(jdbi, store, lifecycle, audit, clock);
        this.announcementSlideRoutes = new AnnouncementSlideRoutes(announcementSlides, blocking);
        var campaignStore = new vn.loa.server.display.campaign.CampaignRepository();
        Runnable refresh = screens::refreshAll;
        layouts.onChange(refresh); // on the worker that saved it: the answer comes once the boards show it
        this.campaignRoutes = new vn.loa.server.display.campaign.CampaignRoutes(
                new vn.loa.server.display.campaign.Campaigns(jdbi, campaignStore, layouts, refresh, audit, clock),
                new vn.loa.server.display.campaign.DisplayGroups(jdbi, boards, campaignStore, refresh, audit, clock),
                blocking);
        this.leds = new LedBoards(DDP_FPS, screens, renderer, clock, TIME_ZONE);
        // One thread raises and drops banners, in the order they were asked for: a cancel never overtakes its show.
        this.bannerWorker = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "loa-banners");
            t.setDaemon(true);
            return t;
        });
        java.util.concurrent.Executor inOrder = task -> {
            try {
                bannerWorker.execute(task);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.debug("the server is closing: banner change dropped");
            }
        };
        lifecycle.onStateChange(new EmergencyBanners(banners, inOrder, clock));
        lifecycle.onStateChange(new NoticeSlides(notices, announcementSlides, inOrder, clock, noticeLinger));
        this.alertBanners = new AlertBoardBanners(banners, inOrder);
        // Banners with an end come down on time; playlists follow their hours and days.
        this.bannerTimer = vertx.setPeriodic(1000, t -> screens.rebanner());
        this.refreshTimer = vertx.setPeriodic(30_000, t -> {
            refreshAll(blocking);
            sockets.ping();
        });
        refreshAll(blocking);
    }

    private void refreshAll(Blocking blocking) {
        blocking.run(() -> {
            screens.refreshAll();
            return null;
        }).onFailure(e -> LOG.warn("boards could not be refreshed", e));
    }

    /** The banner API for other parts of Loa (hotline, CAP alerts). */
    public BoardBanners banners() {
        return banners;
    }

    /** The same banners, in the shape the alert service (CAP, hotline presets) calls. */
    public vn.loa.server.alert.AlertBanners alertBanners() {
        return alertBanners;
    }

    /** Slides proposed by plugins, awaiting an approver. */
    /** Since when a web player of {@code boardId} has been connected here, or null (the province link's snapshot). */
    public java.time.Instant playerSince(String boardId) {
        return sockets.connectedSince(boardId);
    }

    public ProposedSlides slides() {
        return slides;
    }

    /** The pictures of announcements (ADR 0061), for the link to send and receive. */
    public AnnouncementSlides announcementSlides() {
        return announcementSlides;
    }

    public void mount(RouterBuilder api) {
        announcementSlideRoutes.mount(api);
        contentRoutes.mount(api);
        layoutRoutes.mount(api);
        keys.mount(api, blocking);
        slideRoutes.mount(api);
        campaignRoutes.mount(api);
    }

    /** The media upload (ahead of the API's JSON body limit) and the player's pages. */
    public void mount(Router router, Handler<RoutingContext> authenticator) {
        contentRoutes.mountUpload(router, authenticator);
        announcementSlideRoutes.mountUpload(router, authenticator);
        playerRoutes.mount(router);
    }

    /** The players' WebSocket handshakes; others go to {@code otherwise}. */
    public Handler<ServerWebSocketHandshake> sockets(Handler<ServerWebSocketHandshake> otherwise) {
        return hs -> {
            if (PlayerSockets.serves(hs.path())) {
                sockets.handle(hs);
            } else {
                otherwise.handle(hs);
            }
        };
    }

    @Override
    public void close() {
        vertx.cancelTimer(bannerTimer);
        vertx.cancelTimer(refreshTimer);
        bannerWorker.shutdownNow();
        leds.close();
    }
}
