package vn.loa.server.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.loa.server.doctor.Finding.Verdict;
import vn.loa.server.doctor.HostCommands.Output;

class ChecksOfTheHostTest {

    private static final String VOICES = """
            Pty Language       Age/Gender VoiceName          File                 Other Languages
             5  vi              --/M      Vietnamese_(Northern) aav/vi
             5  vi-vn-x-central --/M      Vietnamese_(Central) aav/vi-VN-x-central
             5  vi-vn-x-south   --/M      Vietnamese_(Southern) aav/vi-VN-x-south
            """;

    /** A host whose programs print the given text (keyed by the command line); any other program is missing. */
    private static HostCommands host(Map<String, String> outputs) {
        return (timeout, command) -> Optional.ofNullable(outputs.get(String.join(" ", command)))
                .map(text -> new Output(0, text));
    }

    @Test
    void javaOlderThan17Fails() {
        assertThat(new JavaCheck(Runtime.Version.parse("11.0.2")).run().verdict()).isEqualTo(Verdict.FAIL);
        assertThat(new JavaCheck(Runtime.Version.parse("17.0.21")).run().verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void missingEspeakBlocksBroadcastingAndSaysHowToInstallIt() {
        Finding f = new SpeechCheck(host(Map.of())).run();
        assertThat(f.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(f.message()).contains("apt-get install espeak-ng");
    }

    @Test
    void espeakWithAllThreeVietnameseVoicesPasses() {
        Finding f = new SpeechCheck(host(Map.of("espeak-ng --version", "eSpeak NG text-to-speech: 1.51  Data at: /x",
                "espeak-ng --voices=vi", VOICES))).run();
        assertThat(f.verdict()).isEqualTo(Verdict.OK);
        assertThat(f.message()).contains("1.51").doesNotContain("/x");
    }

    @Test
    void espeakWithoutRegionalVoicesWarnsAndWithoutViFails() {
        String northOnly = VOICES.lines().limit(2).reduce("", (a, b) -> a + b + "\n");
        Finding warn = new SpeechCheck(host(Map.of("espeak-ng --version", "eSpeak NG 1.51",
                "espeak-ng --voices=vi", northOnly))).run();
        assertThat(warn.verdict()).isEqualTo(Verdict.WARN);
        assertThat(warn.message()).contains("vi-vn-x-central", "vi-vn-x-south");

        Finding fail = new SpeechCheck(host(Map.of("espeak-ng --version", "eSpeak NG 1.51",
                "espeak-ng --voices=vi", VOICES.lines().findFirst().orElseThrow()))).run();
        assertThat(fail.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void aClockWithinASecondOfNtpPasses() {
        Finding f = new ClockCheck("ntp.test", s -> Optional.of(Duration.ofMillis(-200)), host(Map.of())).run();
        assertThat(f.verdict()).isEqualTo(Verdict.OK);
        assertThat(f.message()).contains("chậm 200 ms", "ntp.test");
    }

    @Test
    void aClockThreeSecondsAheadWarnsAboutStoreAndForward() {
        Finding f = new ClockCheck("ntp.test", s -> Optional.of(Duration.ofSeconds(3)), host(Map.of())).run();
        assertThat(f.verdict()).isEqualTo(Verdict.WARN);
        assertThat(f.message()).contains("nhanh 3000 ms", "store-and-forward");
    }

    @Test
    void withoutNtpChronysOffsetIsUsed() {
        Finding f = new ClockCheck("ntp.test", s -> Optional.empty(), host(Map.of("chronyc -n tracking",
                "Reference ID    : C0A80101\nSystem time     : 2.500000000 seconds slow of NTP time\n"))).run();
        assertThat(f.verdict()).isEqualTo(Verdict.WARN);
        assertThat(f.message()).contains("chậm 2500 ms", "chrony");
    }

    @Test
    void withoutNtpOrChronyTimedatectlSaysWhetherTheClockIsSynchronised() {
        String cmd = "timedatectl show -p NTPSynchronized --value";
        assertThat(new ClockCheck("ntp.test", s -> Optional.empty(), host(Map.of(cmd, "yes\n"))).run().verdict())
                .isEqualTo(Verdict.OK);
        assertThat(new ClockCheck("ntp.test", s -> Optional.empty(), host(Map.of(cmd, "no\n"))).run().verdict())
                .isEqualTo(Verdict.WARN);
    }

    @Test
    void withNoWayToAskTheDoctorSaysItCouldNotCheck() {
        Finding f = new ClockCheck("ntp.test", s -> Optional.empty(), host(Map.of())).run();
        assertThat(f.verdict()).isEqualTo(Verdict.WARN);
        assertThat(f.message()).contains("không kiểm tra được", "could not check");
    }
}
