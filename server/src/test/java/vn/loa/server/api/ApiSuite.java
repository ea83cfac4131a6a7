package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.aggregator.ArgumentsAccessor;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.TestServer;

/**
 * The base of the API tests: each test class runs twice, once on the embedded H2 and once on a throwaway PostgreSQL,
 * against one real server and one {@link Province} per run.
 */
@ParameterizedClass(name = "on {0}")
@MethodSource("engines")
abstract class ApiSuite {

    /** The databases a test class runs on; a class that does not test storage may hide this with one engine. */
    static Stream<String> engines() {
        return Stream.of("H2", "PostgreSQL");
    }

    static TestServer server;
    static Province province;

    /** Which database this run uses; JUnit sets it for each of the two runs. */
    @Parameter
    String database;

    @BeforeParameterizedClassInvocation
    static void start(ArgumentsAccessor arguments) throws Exception {
        String database = arguments.getString(0);
        server = database.equals("H2") ? TestServer.onH2() : TestServer.onPostgres();
        province = new Province(server);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    static Api anonymous() {
        return new Api(server.baseUrl(), null);
    }

    /** A refusal the user can act on: the status, an English code and a message without Java internals. */
    static void assertRefused(Api.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.json().getString("error")).as(reply.toString()).isEqualTo(code);
        assertThat(reply.json().getString("message")).as(reply.toString()).isNotBlank()
                .doesNotContain("Exception").doesNotContain("\tat ");
    }
}
