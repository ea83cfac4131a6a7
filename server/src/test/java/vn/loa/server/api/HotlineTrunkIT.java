package vn.loa.server.api;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.aggregator.ArgumentsAccessor;
import vn.loa.server.testing.Sipp;
import vn.loa.server.testing.TestServer;

/** The hotline registers with the operator's trunk, answering its digest challenge; SIPp plays the registrar. */
class HotlineTrunkIT extends ApiSuite {

    static Stream<String> engines() {
        return Stream.of("H2");
    }

    static Process registrar;

    /** The registrar listens before the server starts, as a trunk would. */
    @BeforeParameterizedClassInvocation
    static void start(ArgumentsAccessor arguments) throws Exception {
        int trunk = Sipp.freePort();
        registrar = Sipp.registrar(trunk, "hotline-xa-a", "mat-khau-trung-ke");
        server = TestServer.onH2(Map.of("hotline.enabled", "true", "hotline.host", "127.0.0.1", "hotline.port", "0",
                "hotline.trunk", "127.0.0.1:" + trunk, "hotline.trunk.user", "hotline-xa-a",
                "hotline.trunk.password", "mat-khau-trung-ke", "hotline.trunk.domain", "loa.test"));
        province = new Province(server);
    }

    @AfterParameterizedClassInvocation
    static void stopRegistrar() {
        registrar.destroy();
    }

    @Test
    void theHotlineRegistersWithTheTrunkUsingDigestAuthentication() throws Exception {
        // The registrar answers 200 only to a REGISTER whose digest response its verifyauth accepts.
        await().atMost(Duration.ofSeconds(10)).until(() -> province.admin.get("/api/v1/hotline").json(),
                status -> status.getBoolean("registered"));
    }
}
