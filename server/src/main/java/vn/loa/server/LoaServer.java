package vn.loa.server;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import vn.loa.core.model.Board;
import vn.loa.core.model.Node;
import vn.loa.server.air.AirStation;
import vn.loa.server.alert.AlertAreas;
import vn.loa.server.alert.AlertKeys;
import vn.loa.server.alert.AlertRoutes;
import vn.loa.server.alert.AlertService;
import vn.loa.server.air.AnnouncerSpeech;
import vn.loa.server.air.PrefetchRoutes;
import vn.loa.server.air.StreamRoutes;
import vn.loa.server.announcement.AnnouncementRepository;
import vn.loa.server.announcement.AnnouncementRoutes;
import vn.loa.server.announcement.AnnouncementService;
import vn.loa.server.announcement.AnnouncementSteps;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.audit.AuditQuery;
import vn.loa.server.audit.AuditRoutes;
import vn.loa.server.auth.AuthRoutes;
import vn.loa.server.auth.Authenticator;
import vn.loa.server.auth.LoginThrottle;
import vn.loa.server.user.PasswordHasher;
import vn.loa.server.auth.PasswordQueue;
import vn.loa.server.auth.SessionRoutes;
import vn.loa.server.auth.SessionStore;
import vn.loa.server.auth.Sessions;
import vn.loa.server.auth.SignIn;
import vn.loa.server.auth.TokenService;
import vn.loa.server.board.BoardJson;
import vn.loa.server.board.BoardRepository;
import vn.loa.server.config.LoaConfig;
import vn.loa.server.db.Database;
import vn.loa.server.device.DeviceKind;
import vn.loa.server.device.DeviceRegistry;
import vn.loa.server.device.DeviceRoutes;
import vn.loa.server.http.ApiRouter;
import vn.loa.server.http.ConnectionGuard;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.ErrorResponder;
import vn.loa.server.health.HealthRoutes;
import vn.loa.server.hotline.Hotline;
import vn.loa.server.live.AnnouncementEvents;
import vn.loa.server.live.NodeVolume;
import vn.loa.server.report.NodePresence;
import vn.loa.server.report.ReportRoutes;
import vn.loa.server.node.NodeJson;
import vn.loa.server.node.NodeRepository;
import vn.loa.server.node.NodeTokens;
import vn.loa.server.plugin.PluginModule;
import vn.loa.server.speech.Abbreviations;
import vn.loa.server.speech.Engines;
import vn.loa.server.speech.SpeechReadiness;
import vn.loa.server.speech.SpeechRoutes;
import vn.loa.server.user.UserRepository;
import vn.loa.server.user.UserRoutes;
import vn.loa.server.user.UserService;
import vn.loa.server.zone.ZoneGuard;
import vn.loa.server.zone.ZoneRepository;
import vn.loa.server.zone.ZoneRoutes;
import vn.loa.server.zone.ZoneService;
import vn.loa.tts.Announcer;

/**
 * The assembled Loa server: database, services and the HTTP API, wired in one place and started as one.
 *
 * <p>{@link #start} blocks the calling thread until the server listens (it is called from {@code main} and tests).
 */
public final class LoaServer implements AutoCloseable {

    private final LoaConfig config;
    private final Clock clock;
    private Vertx vertx;
    private Database database;
    private HttpServer http;
    private HttpServer redirect;
    private AirStation air;
    private vn.loa.server.cluster.Cluster cluster;
    private Hotline hotline;
    private vn.loa.server.display.BoardStation boardStation;
    private PluginModule plugins;
    private vn.loa.server.schedule.Programmes programmes;
    private vn.loa.server.alert.AlertBackground alertWork;
    private NodePresence presence;
    private vn.loa.server.audit.AuditKeeper auditKeeper;
    private vn.loa.server.backup.DailyBackups dailyBackups;
    private vn.loa.server.health.Pressure pressure;
    private Optional<String> generatedPassword = Optional.empty();
    private vn.loa.server.link.ProvinceLink link;

    public LoaServer(LoaConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Migrates the database, sets up a fresh one, and listens; returns the port it listens on. */
    public int start() throws Exception {
        if (config.security().tls()) {
            // A wrong, expired or unreadable pair stops start-up with a message naming the setting.
            vn.loa.server.config.TlsFiles.check(config.security().tlsCertificate(), config.security().tlsKey(),
                    clock.instant());
        }
        // Uploads, relays and board videos decode with JAVE2's ffmpeg: unpacked and checked now, not on the first upload.
        vn.loa.core.media.FfmpegFileSource.bundledFfmpeg();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        VertxOptions vertxOptions = new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true));
        var vertxBuilder = Vertx.builder().with(vertxOptions).withMetrics(new MicrometerMetricsFactory(registry));
        // A cluster member (ADR 0038) joins the others before anything else; alone, no cluster engine starts.
        var membership = config.cluster().enabled()
                ? vn.loa.server.cluster.Membership.join(vertxBuilder, vertxOptions, config.cluster()) : null;
        vertx = membership != null ? membership.vertx() : vertxBuilder.build();
        java.nio.file.Files.createDirectories(config.dataDir());
        database = Database.open(config);
        PasswordHasher hasher = new PasswordHasher();
        Bootstrap.Outcome boot = Bootstrap.run(database.jdbi(), config.rootZoneName(), config.adminPassword(), hasher, clock);
        generatedPassword = boot.generatedPassword();

        var jdbi = database.jdbi();
        Blocking blocking = new Blocking(vertx);
        var serverPaths = new vn.loa.server.http.ServerPaths(config.dataDir());
        AuditLog audit = new AuditLog(clock, serverPaths);
        ZoneRepository zoneRepository = new ZoneRepository();
        ZoneGuard zoneGuard = new ZoneGuard(zoneRepository);
        UserRepository userRepository = new UserRepository();
        TokenService tokens = new TokenService(vertx, boot.signingKey(), config.tokenTtl());
        var security = config.security();
        LoginThrottle throttle = new LoginThrottle(clock, config.loginWindow(), config.loginUserLimit(),
                config.loginAddressLimit(), security.loginAccountLimit());
        Sessions sessions = new Sessions(jdbi, new SessionStore(), audit, clock, config.tokenTtl(), security.sessionIdle());
        // Second factor, step-up and the four-eyes rule under each unit's policy (ADR 0024).
        var policies = new vn.loa.server.policy.UnitPolicies(jdbi, zoneRepository, audit, clock);
        // Secrets at rest (plugin settings, TOTP secrets) are sealed with one key outside the database (ADR 0023).
        var secrets = new vn.loa.server.secret.SecretCipher(
                vn.loa.server.secret.SecretKeyFile.key(config.security().secretKey(), config.dataDir()));
        var totpStore = new vn.loa.server.auth.TotpStore(secrets);
        var stepUp = new vn.loa.server.auth.StepUp(clock, security.stepUpMaxAge());
        SignIn signIn = new SignIn(jdbi, userRepository, hasher, tokens, sessions, throttle,
                new PasswordQueue(vertx, security.passwordThreads(), security.passwordQueue()), audit,
                "/" + Bootstrap.ROOT_ZONE + "/", totpStore, policies);
        var secondFactor = new vn.loa.server.auth.SecondFactorRoutes(new vn.loa.server.auth.SecondFactors(jdbi,
                totpStore, sessions, policies, audit, clock, security.totpIssuer()), stepUp, blocking);
        var policyRoutes = new vn.loa.server.policy.UnitPolicyRoutes(policies, blocking);

        var zones = new ZoneRoutes(new ZoneService(jdbi, zoneRepository, audit, clock), blocking);
        var layouts = new vn.loa.server.layout.LayoutCatalog(jdbi, audit, clock);
        var boardRegistry = new DeviceRegistry<>(jdbi, new BoardRepository(),
                new DeviceKind<Board>("bảng tin", "board", Board::id, Board::zone, b -> b.name() + " @ " + b.zone()),
                zoneGuard, audit, clock);
        var boards = new DeviceRoutes<>(boardRegistry,
                new vn.loa.server.display.PlayerKeys(jdbi, boardRegistry, audit), BoardJson.shape(layouts), blocking);
        // The announcements' way to the air, built in the order they need each other (ADR 0034): Loa's own steps,
        // the air on them, the programme clock in front of the air, and the lifecycle that hands broadcasts to it.
        var announcementRows = new AnnouncementRepository();
        var steps = new AnnouncementSteps(jdbi, announcementRows, audit, clock);
        Engines.Speech speech = Engines.from(config.speech());
        Announcer announcer = speech.announcer();
        announcer.warmUp();
        Abbreviations abbreviations = new Abbreviations(jdbi, announcer, audit);
        // The data folder's free space: uploads are refused, and files the server would write for itself (rendered
        // ahead, call recordings) skipped, below the limit (ADR 0021, 0025).
        var disk = new vn.loa.server.http.DiskSpace(config.dataDir(), config.programmes().diskMinFree());
        var audioLibrary = new vn.loa.server.audio.AudioLibrary(jdbi, audit, config.dataDir(),
                config.programmes().maxDuration(), clock);
        var relays = new vn.loa.server.schedule.Relays(jdbi, steps, audit, config.programmes().relaySilenceLimit(),
                clock);
        // A template's session airs as one announcement whose sound is its run order (ADR 0053).
        var sessionSounds = new vn.loa.server.programme.SessionSounds(jdbi, steps, audioLibrary::file, audit,
                config.programmes().deadAirLimit(), config.programmes().deadAirReturn(), clock);
        air = new AirStation(vertx, jdbi, steps, new AnnouncerSpeech(abbreviations), blocking, config.rtp(), clock,
                config.dataDir().resolve("prefetch"), disk::low, audioLibrary::sound, relays::start, sessionSounds,
                new vn.loa.server.link.LinkPrecedence());
        // A member sends only the zones it holds a lease on, from the end of start-up (ADR 0038).
        cluster = membership == null ? vn.loa.server.cluster.Cluster.alone()
                : vn.loa.server.cluster.Cluster.member(membership, jdbi, steps, air, registry,
                        "http://" + config.cluster().host() + ":" + config.httpPort(), config.cluster().publicUrls());
        air.shareWith(cluster.share());
        var quietHours = new vn.loa.server.schedule.QuietHours(jdbi, zoneGuard, audit);
        programmes = new vn.loa.server.schedule.Programmes(config, jdbi, steps, air.onAir(), relays, quietHours,
                new vn.loa.server.programme.SessionFiring(jdbi, steps, air.onAir()::due, quietHours::refusal, clock), clock);
        var lifecycle = new AnnouncementService(jdbi, announcementRows, zoneGuard, audit,
                new vn.loa.server.announcement.RelayPolicy(security.relayAllowedHosts()), stepUp, policies, steps,
                programmes.air(), programmes.conflicts(), audioLibrary, clock);
        var announcements = new AnnouncementRoutes(lifecycle, speech.voices(), blocking,
                config.programmes().minInterval(), clock);
        var nodeRegistry = new DeviceRegistry<>(jdbi, new NodeRepository(),
                new DeviceKind<Node>("loa", "node", Node::id, Node::zone, n -> n.name() + " @ " + n.zone()),
                zoneGuard, audit, clock);
        var nodes = new DeviceRoutes<>(nodeRegistry, new NodeTokens(nodeRegistry),
                new DeviceRoutes.Json<>(NodeJson.shape().read(), air::describe), blocking);
        var users = new UserRoutes(new UserService(jdbi, userRepository, zoneGuard, hasher,
                vn.loa.server.user.PasswordPolicy.shipped(), audit, sessions, clock), blocking);
        // The audit log leaves the database (ADR 0027): signed digests, syslog forwarding, retention.
        var seal = vn.loa.server.audit.AuditSeal.openOrCreate(config.audit().signingKey());
        auditKeeper = new vn.loa.server.audit.AuditKeeper(jdbi, audit, seal, config.audit(), clock).start();
        dailyBackups = vn.loa.server.backup.DailyBackups.start(config, jdbi, audit, clock, registry);
        var auditRoutes = new AuditRoutes(new AuditQuery(jdbi, seal), blocking);
        var auth = new AuthRoutes(signIn, sessions, blocking);
        var sessionRoutes = new SessionRoutes(sessions, blocking);
        var streams = new StreamRoutes(jdbi, zoneGuard, new NodeRepository(), blocking);
        var prefetch = new PrefetchRoutes(jdbi, air.prefetcher(), blocking);
        var pipelines = new vn.loa.server.air.PipelineRoutes(jdbi, air.streams(), blocking);
        vn.loa.server.air.PipelineMetrics.bind(air, registry);
        var nodeHere = new vn.loa.server.node.NodeHereRoutes(jdbi, audit, air.onAir()::refreshZone, blocking);
        var speechRoutes = new SpeechRoutes(abbreviations, speech.voices(), blocking,
                config.programmes().previewMaxChars(), config.programmes().previewConcurrency());
        boardStation = new vn.loa.server.display.BoardStation(vertx, jdbi, boardRegistry, layouts, lifecycle,
                audit, config.dataDir(), blocking, clock, config.programmes().boardNoticeLinger());
        // Alerts (issue 7) put their banners on the boards.
        var alertAreas = new AlertAreas(jdbi, zoneGuard, audit);
        var alertAuthorities = new vn.loa.server.alert.AlertAuthorities(jdbi, audit, clock);
        var alerts = new AlertRoutes(
                new AlertService(jdbi, lifecycle, alertAreas, boardStation.alertBanners(),
                        new vn.loa.server.alert.AlertPlans(jdbi, audit),
                        vn.loa.server.alert.AlertAiring.voices(speech.announcer().voices().all()), audit, clock),
                new AlertKeys(jdbi, audit, clock), alertAreas, alertAuthorities,
                new vn.loa.server.alert.AlertFeeds(jdbi, audit, clock), blocking);
        // Speakers down during an alert go to the unit's contacts through the plugins (read when found: built below).
        alertWork = vn.loa.server.alert.AlertBackground.start(vertx, jdbi, lifecycle, boardStation.alertBanners(),
                alerts.intake(), audit, config.programmes().alertDownAfter(), down -> plugins.speakersDown(
                        down.alertId(), "Loa không phát cảnh báo", down.message(), down.unitPath()), clock);
        // CAP targeting and trust (issue 19): zone boundaries and geocodes, trusted authorities, signed CAP out.
        var alertPlaces = new vn.loa.server.alert.AlertPlaceRoutes(
                new vn.loa.server.alert.AlertPlaces(jdbi, zoneGuard, audit), alertAuthorities,
                new vn.loa.server.alert.CapPublisher(jdbi, config.dataDir()), blocking);
        Authenticator authenticator = new Authenticator(tokens, sessions, blocking);
        // The SIP hotline (issue 7): the API always; the phone side when hotline.enabled.
        hotline = new Hotline(vertx, config.hotline(), jdbi, lifecycle, air.live(), new AnnouncerSpeech(abbreviations), hasher,
                audit, config.dataDir(), disk::low, clock);
        var hotlineRoutes = hotline.routes(blocking);
        var announcementEvents = new AnnouncementEvents(vertx, announcements::detail, blocking, Duration.ofMillis(500));
        var nodeVolume = new NodeVolume(nodeRegistry, air.sessions(), jdbi, audit, blocking);
        plugins = new PluginModule(vertx, jdbi, lifecycle, boardStation.slides(), audit, blocking, config.dataDir(), clock,
                secrets, cluster::does);
        var quietRoutes = new vn.loa.server.schedule.QuietHoursRoutes(quietHours, blocking);
        var announcerSpeech = new AnnouncerSpeech(abbreviations);
        var ptimes = vn.loa.server.air.PacketTimeRoutes.of(jdbi, zoneGuard, audit, announcerSpeech, air.sessions(), blocking);
        // Last, once everything that hears of state changes (boards, plugins) is built: start-up closes and fires.
        programmes.start();
        var programmeRoutes = vn.loa.server.programme.ProgrammeRoutes.started(jdbi, zoneGuard, new vn.loa.server
                .announcement.RelayPolicy(security.relayAllowedHosts()), audit, programmes.clock(), blocking, clock);
        var audio = new vn.loa.server.audio.AudioRoutes(audioLibrary, config.programmes().uploadLimit(), blocking);
        var schedule = new vn.loa.server.schedule.ScheduleRoutes(
                new vn.loa.server.schedule.ProgrammeGrid(jdbi, zoneGuard, clock), blocking, clock);
        presence = new NodePresence(jdbi, clock, membership == null);
        air.sessions().onPresence((node, online) -> {
            presence.changed(node, online);
            cluster.nodePresence(node, online);
        });
        var reports = ReportRoutes.of(jdbi, clock, blocking);
        var residents = new vn.loa.server.listen.Residents(jdbi, audit, config.listen(), config.dataDir(), // issue 21
                announcerSpeech, audioLibrary::file, air.mounts(), blocking, clock);
        // The province link (issue 14, ADR 0037): bulletins down, reports up, both ways signed.
        link = new vn.loa.server.link.ProvinceLink(vertx, jdbi, lifecycle, zoneGuard, audit, secrets, blocking,
                registry, audioLibrary, boardStation.announcementSlides(), config.link(), boardStation::playerSince, clock);

        // One router: the contract's operations first, then health, metrics and the fallbacks.
        List<Consumer<RouterBuilder>> contract = List.of(
                auth::mount, sessionRoutes::mount, secondFactor::mount, policyRoutes::mount, zones::mount,
                b -> nodes.mount(b, "Node"), b -> boards.mount(b, "Board"), announcements::mount, users::mount,
                auditRoutes::mount, speechRoutes::mount, streams::mount, alerts::mount, hotlineRoutes::mount,
                announcementEvents::mount, nodeVolume::mount, boardStation::mount, plugins::mount, schedule::mount,
                quietRoutes::mount, ptimes::mount, reports::mount, residents::mount, prefetch::mount,
                pipelines::mount, nodeHere::mount, alertPlaces::mount, audio::mount, programmeRoutes::mount,
                b -> new vn.loa.server.cluster.ClusterRoutes(cluster, blocking).mount(b), link::mount);
        Router api = ApiRouter.create(vertx, config.bodyLimit(), authenticator, cluster::addresses,
                builder -> contract.forEach(resource -> resource.accept(builder))).await();
        alerts.mountCap(api, authenticator);
        boardStation.mount(api, authenticator);
        new vn.loa.server.display.PlayerServers(cluster::addresses).mount(api);
        // Uploads stop before the disk fills (a full disk would take the database with it); airing goes on.
        api.post("/api/v1/audio").order(-3).handler(disk);
        api.postWithRegex("/api/v1/(boards/[^/]+/media|announcements/[^/]+/slides)").order(-3).handler(disk);
        audio.mountUpload(api, authenticator);
        new vn.loa.server.air.MountRoutes(jdbi, air.mounts(), blocking).mount(api);
        residents.mount(api);
        new HealthRoutes(database, new SpeechReadiness(clock),
                pressure = new vn.loa.server.health.Pressure(air.backlog(), config.programmes().airLagLimit(), disk)
                        .airRecords(air::recordsWaiting), blocking, registry,
                security.metricsToken()).part(dailyBackups::describe).part(cluster::describe)
                // The server's clock, for a linked system or ./loa link-check to measure the offset against.
                .part(() -> new io.vertx.core.json.JsonObject().put("time", clock.instant().toString())).mount(api);
        plugins.mountRelay(api);
        // max-age 0: browsers ask again (a cheap 304) instead of keeping a day-old page module after an upgrade.
        api.route("/*").handler(StaticHandler.create("webroot").setMaxAgeSeconds(0));
        api.route().failureHandler(new ErrorResponder(serverPaths));
        api.route().last().handler(ctx -> ctx.fail(404));

        HttpServerOptions options = new HttpServerOptions();
        if (security.tls()) {
            options.setSsl(true).setKeyCertOptions(new io.vertx.core.net.PemKeyCertOptions()
                    .setCertPath(security.tlsCertificate().toString()).setKeyPath(security.tlsKey().toString()));
        }
        var server = vertx.createHttpServer(options
                .setHost(config.httpHost()).setPort(config.httpPort()).setCompressionSupported(true)
                // No HTTP/2 over plain TCP (no browser speaks it): with it, Vert.x waits for a connection's first bytes
                // before it reports the connection, so a silent one would escape the guard below.
                .setHttp2ClearTextEnabled(false)
                .setIdleTimeout((int) security.httpIdleTimeout().toSeconds()).setIdleTimeoutUnit(TimeUnit.SECONDS));
        http = new ConnectionGuard(vertx, security.connectionsPerAddress(), security.httpHeaderTimeout())
                .guard(server, new vn.loa.server.http.MalformedAddress(api), boardStation.sockets(air.control()))
                .listen().await();
        if (security.redirectPort() > 0) {
            redirect = vn.loa.server.http.HttpsRedirect.listen(vertx, config.httpHost(), security.redirectPort(),
                    http.actualPort(), (int) security.httpIdleTimeout().toSeconds()).await();
        }
        cluster.start();
        link.start();
        return http.actualPort();
    }

    /** The admin password generated at this first start, to be printed once; empty otherwise. */
    public Optional<String> generatedAdminPassword() {
        return generatedPassword;
    }

    public int port() {
        return http.actualPort();
    }

    /** The plain-HTTP port that redirects to HTTPS (http.redirect.port); 0 when there is none. */
    public int redirectPort() {
        return redirect == null ? 0 : redirect.actualPort();
    }

    /** Emergency banners on the boards, for the parts of Loa that raise alerts. */
    public vn.loa.server.display.BoardBanners boardBanners() {
        return boardStation.banners();
    }

    /** The database, for tests that check what is stored or tamper with it as an intruder would. */
    public org.jdbi.v3.core.Jdbi jdbi() {
        return database.jdbi();
    }

    /** The hotline (its SIP side when enabled); null before {@link #start}. */
    public Hotline hotline() {
        return hotline;
    }

    @Override
    public void close() {
        if (cluster != null) {
            cluster.close(); // first: the other members take this one's zones at once
        }
        if (link != null) {
            link.close();
        }
        if (dailyBackups != null) {
            dailyBackups.close();
        }
        if (auditKeeper != null) {
            auditKeeper.close();
        }
        if (hotline != null) {
            alertWork.close(); // made just before the hotline: repeats and feed polls (ADR 0051)
            hotline.close();
        }
        if (programmes != null) {
            programmes.close();
        }
        if (boardStation != null) {
            boardStation.close();
        }
        if (plugins != null) {
            plugins.close();
        }
        if (air != null) {
            air.close();
        }
        if (presence != null) {
            presence.close();
        }
        if (vertx != null) {
            vertx.close().await();
        }
        if (database != null) {
            database.close();
        }
        if (pressure != null) {
            pressure.close();
        }
    }
}
