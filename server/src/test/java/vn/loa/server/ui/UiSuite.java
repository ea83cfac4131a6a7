package vn.loa.server.ui;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import vn.loa.server.testing.TestServer;

/** The base of the web UI tests: one real server on H2, its {@link Commune} and one chromium per test class. */
abstract class UiSuite {

    static TestServer server;
    static Commune commune;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.onH2();
        commune = new Commune(server);
        browser = new Browser(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        browser.close();
        commune.close();
        server.close();
    }
}
