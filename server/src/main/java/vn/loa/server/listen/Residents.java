package vn.loa.server.listen;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.air.OnAir;
import vn.loa.server.air.ZoneMounts;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.config.ListenSettings;
import vn.loa.server.http.Blocking;

/**
 * Assembles the residents' page (issue 21, ADR 0054): the public routes under {@code /nghe/} and the signed-in
 * {@code /api/v1/announcements/{id}/archive} that marks a notice public or internal.
 */
public final class Residents {

    private final ArchiveConsentRoutes consent;
    private final ListenRoutes page;

    /** @param recordings the stored file of an uploaded programme, by audio id */
    public Residents(Jdbi jdbi, AuditLog audit, ListenSettings settings, Path dataDir, OnAir.Speech speech,
            Function<String, Optional<Path>> recordings, ZoneMounts mounts, Blocking blocking, Clock clock) {
        Duration kept = Duration.ofDays(settings.archiveDays());
        this.consent = new ArchiveConsentRoutes(new ArchiveConsent(jdbi, audit), blocking);
        this.page = new ListenRoutes(new PublicArchive(jdbi, kept, clock),
                new ArchiveAudio(dataDir, speech, recordings, kept, clock), mounts, settings.maxListeners(), blocking);
    }

    /** The signed-in operation, by the contract. */
    public void mount(RouterBuilder api) {
        consent.mount(api);
    }

    /** The public page, outside {@code /api}. */
    public void mount(Router router) {
        page.mount(router);
    }
}
