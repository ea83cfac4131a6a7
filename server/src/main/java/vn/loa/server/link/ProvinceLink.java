package vn.loa.server.link;

import io.vertx.core.Vertx;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.announcement.AnnouncementRepository;
import vn.loa.server.announcement.AnnouncementService;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.config.LinkSettings;
import vn.loa.server.http.Blocking;
import vn.loa.server.secret.SecretCipher;
import vn.loa.server.zone.ZoneGuard;

/**
 * The province link assembled (issue 14, ADR 0037): both roles at once, upstream of any number of downstream systems
 * and downstream of one upstream. Built once by the server; owns the downstream's threads.
 */
public final class ProvinceLink implements AutoCloseable {

    private final DownstreamRoutes downstreamRoutes;
    private final UpstreamRoutes upstreamRoutes;
    private final LinkRoutes linkRoutes;
    private final UpstreamExchange upExchange;
    private final UpstreamClient client;
    private final LinkMetrics metrics;
    private final DeviceReports devices;
    private final LateDeliveries late;

    public ProvinceLink(Vertx vertx, Jdbi jdbi, AnnouncementService announcements, ZoneGuard zones, AuditLog audit,
            SecretCipher secrets, Blocking blocking, io.micrometer.core.instrument.MeterRegistry registry,
            vn.loa.server.audio.AudioLibrary library, vn.loa.server.display.AnnouncementSlides pictures,
            LinkSettings settings, java.util.function.Function<String, java.time.Instant> playerSince, Clock clock) {
        LinkIdentity identity = LinkIdentity.loadOrCreate(jdbi, secrets, clock.instant());
        PollWaiters waiters = new PollWaiters(vertx);
        UpstreamClient[] clientRef = new UpstreamClient[1];
        Outbox outbox = new Outbox(peer -> {
            waiters.wake(peer);
            if (clientRef[0] != null) {
                clientRef[0].wake();
            }
        });
        Inbox inbox = new Inbox();
        LinkAudit linkAudit = new LinkAudit(jdbi, audit);
        Receiver receiver = new Receiver(jdbi, new MessageCheck(clock, settings.maxSkew()), inbox, linkAudit, clock);
        var repository = new AnnouncementRepository();
        UpstreamCalls calls = new UpstreamCalls(settings.trustCa());
        LinkAudio audio = new LinkAudio(jdbi, library, calls, identity, registry, clock);
        LinkSlides slides = new LinkSlides(jdbi, pictures, calls, identity, registry, clock);
        // Bulletins down and reports up are written in the transaction of the change they carry.
        announcements.withinTransition(new BulletinDispatch(repository, outbox, audio, slides, clock,
                settings.emergencyLifetime()));
        announcements.withinTransition(new ReportDispatch(repository, outbox, clock));

        Downstreams downstreams = new Downstreams(jdbi, zones, audit, linkAudit, outbox, inbox, identity,
                settings.systemId(), settings.keyGrace(), clock);
        DownstreamExchange down = new DownstreamExchange(jdbi, downstreams, receiver, outbox, audio, slides,
                linkAudit, identity, settings.systemId(), clock);
        Upstream upstream = new Upstream(jdbi, audit, outbox, inbox, identity, calls, clock, () -> {
            if (clientRef[0] != null) {
                clientRef[0].wake();
            }
        });
        BulletinIntake intake = new BulletinIntake(announcements, upstream, outbox, audio, slides, clock,
                settings.ownApproval());
        upExchange = new UpstreamExchange(jdbi, upstream, receiver, intake,
                new LinkSteps(jdbi, announcements, upstream), audio, slides, identity, inbox, clock);
        client = new UpstreamClient(jdbi, upstream, upExchange, outbox, identity, calls, settings.pollWait(),
                settings.retryMax(), clock);
        clientRef[0] = client;
        downstreamRoutes = new DownstreamRoutes(downstreams, new ProvinceTree(jdbi), blocking);
        upstreamRoutes = new UpstreamRoutes(upstream, blocking);
        metrics = new LinkMetrics(vertx, jdbi, blocking, registry, clock);
        late = new LateDeliveries(vertx, jdbi, blocking, repository, outbox, settings.devicesEvery(), clock);
        devices = new DeviceReports(vertx, jdbi, blocking, outbox, settings.devicesEvery(), playerSince, clock);
        linkRoutes = new LinkRoutes(downstreams, down, upExchange, waiters, blocking, settings.pollWait(), clock);
    }

    /** Takes the steps a crash cut short and starts talking to the upstream, if linked. */
    public ProvinceLink start() {
        upExchange.settle();
        client.start();
        return this;
    }

    public void mount(RouterBuilder api) {
        downstreamRoutes.mount(api);
        upstreamRoutes.mount(api);
        linkRoutes.mount(api);
    }

    @Override
    public void close() {
        devices.close();
        late.close();
        metrics.close();
        client.close();
    }
}
