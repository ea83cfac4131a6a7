package vn.loa.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aMissingServerExitsWithCodeTwoAndSaysWhatIsMissingInBothLanguages() {
        assertThat(run("--id", "loa-1", "--token", "t")).isEqualTo(2);
        assertThat(errors()).contains("Thiếu --server").contains("--server is missing").contains("Usage");
        assertThat(errors()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aMissingIdOrTokenExitsWithCodeTwo() {
        assertThat(run("--server", "http://127.0.0.1:8080", "--token", "t")).isEqualTo(2);
        assertThat(errors()).contains("--id is missing");
        err.reset();
        assertThat(run("--server", "http://127.0.0.1:8080", "--id", "loa-1")).isEqualTo(2);
        assertThat(errors()).contains("--token is missing");
    }

    @Test
    void badValuesExitWithCodeTwoAndNameTheOption() {
        String[] base = {"--server", "http://127.0.0.1:8080", "--id", "loa-1", "--token", "t"};
        assertThat(run(concat(base, "--rtp-port", "70000"))).isEqualTo(2);
        assertThat(errors()).contains("--rtp-port must be a number from 0 to 65535: 70000");
        assertThat(run(concat(base, "--volume", "loud"))).isEqualTo(2);
        assertThat(errors()).contains("--volume must be a number from 0 to 100: loud");
        assertThat(run("--server", "ftp://loa", "--id", "loa-1", "--token", "t")).isEqualTo(2);
        assertThat(errors()).contains("--server: địa chỉ không hợp lệ / not a valid address");
        assertThat(errors()).doesNotContain("Exception");
    }

    @Test
    void unknownOptionsStrayWordsAndMissingValuesExitWithCodeTwo() {
        assertThat(run("--server", "http://h", "--id", "a", "--token", "t", "--colour", "red")).isEqualTo(2);
        assertThat(errors()).contains("unknown option: --colour");
        assertThat(run("--server", "http://h", "--id", "a", "--token", "t", "extra")).isEqualTo(2);
        assertThat(errors()).contains("unexpected argument: extra");
        assertThat(run("--server", "http://h", "--id", "--token", "t")).isEqualTo(2);
        assertThat(errors()).contains("--id needs a value");
        assertThat(run("--server", "http://h", "--id", "a", "--id", "b", "--token", "t")).isEqualTo(2);
        assertThat(errors()).contains("--id is given twice");
    }

    @Test
    void aRecordDirectoryThatCannotBeMadeExitsWithCodeTwo(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        assertThat(run("--server", "http://h", "--id", "a", "--token", "t", "--record", file.resolve("sub").toString()))
                .isEqualTo(2);
        assertThat(errors()).contains("--record").contains("cannot write to directory");
    }

    @Test
    void helpPrintsTheUsageAndExitsWithZero() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--server URL").contains("--record DIR");
    }

    @Test
    void goodArgumentsAreReadWithTheirDefaults() throws Exception {
        AgentOptions options = AgentArguments.parse(new String[] {"--server=https://loa.example", "--id", "loa-1",
                "--token", "t0k3n"});
        assertThat(options.server().tls()).isTrue();
        assertThat(options.nodeId()).isEqualTo("loa-1");
        assertThat(options.rtpPort()).isZero();
        assertThat(options.volume()).isEqualTo(AgentOptions.DEFAULT_VOLUME);
        assertThat(options.record()).isNull();
    }

    private static String[] concat(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
