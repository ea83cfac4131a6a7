package vn.loa.server.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.server.doctor.Finding.Verdict;

class ChecksOfTheServerTest {

    private static final long MB = 1024 * 1024;
    private static final Path TLS = Path.of("src/test/resources/doctor");

    @TempDir
    Path dir;

    @Test
    void aPortHeldByAnotherProgramFailsWithHowToFindIt() throws IOException {
        try (ServerSocket held = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Finding f = new PortCheck("HTTP", "127.0.0.1", held.getLocalPort(), false, () -> false).run();
            assertThat(f.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(f.message()).contains(String.valueOf(held.getLocalPort()), "ss -lntup");
        }
    }

    @Test
    void aPortHeldByTheRunningLoaPasses() throws IOException {
        try (ServerSocket held = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(new PortCheck("HTTP", "127.0.0.1", held.getLocalPort(), false, () -> true).run().verdict())
                    .isEqualTo(Verdict.OK);
        }
    }

    @Test
    void theSipPortIsCheckedOverUdpToo() throws IOException {
        try (DatagramSocket held = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            Finding f = new PortCheck("SIP", "127.0.0.1", held.getLocalPort(), true, () -> false).run();
            assertThat(f.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(f.message()).contains("UDP");
        }
    }

    @Test
    void aDataDirBelowTheFreeSpaceFloorFailsAndNearItWarns() {
        assertThat(new DataDirCheck(dir, 500, p -> 100 * MB).run().verdict()).isEqualTo(Verdict.FAIL);
        assertThat(new DataDirCheck(dir, 500, p -> 1000 * MB).run().verdict()).isEqualTo(Verdict.WARN);
        Finding ok = new DataDirCheck(dir, 500, p -> 10_000 * MB).run();
        assertThat(ok.verdict()).isEqualTo(Verdict.OK);
        assertThat(ok.message()).contains("10000 MB");
    }

    @Test
    void aDataDirNotMadeYetIsMadeAtFirstStartButAFileIsNoDataDir() throws IOException {
        Finding later = new DataDirCheck(dir.resolve("a/b"), 500, p -> 10_000 * MB).run();
        assertThat(later.verdict()).isEqualTo(Verdict.OK);
        assertThat(later.message()).contains("made at first start");
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThat(new DataDirCheck(file, 500, p -> 10_000 * MB).run().verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void anH2DatabaseIsOpenedReadOnlyOrReportedAsMadeAtFirstStart() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("loa") + ";DB_CLOSE_ON_EXIT=FALSE";
        assertThat(new DatabaseCheck(url, "", "", () -> false).run().message()).contains("made at first start");
        try (var c = DriverManager.getConnection(url, "", "")) {
            c.createStatement().execute("CREATE TABLE t(x INT)");
        }
        assertThat(new DatabaseCheck(url, "", "", () -> false).run().verdict()).isEqualTo(Verdict.OK);
        assertThat(dir.resolve("loa.trace.db")).doesNotExist();
    }

    @Test
    void anUnreachablePostgresBlocksBroadcasting() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Finding f = new DatabaseCheck("jdbc:postgresql://127.0.0.1:" + closed + "/loa?password=secret", "loa", "x",
                () -> false).run();
        assertThat(f.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(f.message()).contains("unreachable").doesNotContain("secret");
    }

    @Test
    void aDatabaseTheRunningLoaReportsUpIsNotOpenedAgain() {
        assertThat(new DatabaseCheck("jdbc:postgresql://nowhere.invalid/loa", "", "", () -> true).run().verdict())
                .isEqualTo(Verdict.OK);
    }

    @Test
    void aCertificateIsJudgedByItsDates() {
        Path cert = TLS.resolve("cert.pem");
        Path key = TLS.resolve("key.pem");
        // cert.pem is valid from 2026-12-07 09:22:40 UTC for 30 days.
        assertThat(new TlsCheck(cert, key, at("2026-12-08T00:00:00Z")).run().verdict()).isEqualTo(Verdict.OK);
        assertThat(new TlsCheck(cert, key, at("2027-01-01T00:00:00Z")).run().verdict()).isEqualTo(Verdict.WARN);
        Finding expired = new TlsCheck(cert, key, at("2027-02-01T00:00:00Z")).run();
        assertThat(expired.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(expired.message()).contains("expired", "06/01/2027");
        assertThat(new TlsCheck(cert, key, at("2026-12-01T00:00:00Z")).run().verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void aKeyFileWithoutAPrivateKeyAndAMissingCertificateFail() {
        assertThat(new TlsCheck(TLS.resolve("cert.pem"), TLS.resolve("not-a-key.pem"), at("2026-12-08T00:00:00Z"))
                .run().message()).contains("not a PEM private key");
        assertThat(new TlsCheck(dir.resolve("none.pem"), TLS.resolve("key.pem"), at("2026-12-08T00:00:00Z")).run()
                .verdict()).isEqualTo(Verdict.FAIL);
        assertThat(new TlsCheck(null, null, at("2026-12-08T00:00:00Z")).run().verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void aKeyThatIsNotTheCertificatesFails() {
        // other-key.pem is another P-256 key; rsa-key.pem an RSA key in the "BEGIN RSA PRIVATE KEY" form.
        for (String other : new String[] {"other-key.pem", "rsa-key.pem"}) {
            Finding wrong = new TlsCheck(TLS.resolve("cert.pem"), TLS.resolve(other), at("2026-12-08T00:00:00Z")).run();
            assertThat(wrong.verdict()).as(other).isEqualTo(Verdict.FAIL);
            assertThat(wrong.message()).as(other).contains("tls.key (LOA_TLS_KEY)", "không khớp", "does not match");
        }
    }

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }
}
