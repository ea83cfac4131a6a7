package vn.loa.node.playout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.wire.control.ControlMessage.Play;
import vn.loa.wire.control.ControlMessage.Played;
import vn.loa.wire.control.ControlMessage.Stop;
import vn.loa.wire.pcm.PcmFrame;
import vn.loa.node.sink.AudioSink;

/** The take logic on a fake clock: times are plain nanosecond numbers passed in. */
class TakeTrackerTest {

    private static final long MS = 1_000_000;

    private final List<String> events = new ArrayList<>();
    private final List<Played> reports = new ArrayList<>();
    private final TakeTracker takes = new TakeTracker(new ListSink(), reports::add, Duration.ofSeconds(2),
            Duration.ofSeconds(30));

    private void audio(int packets, long startMs) {
        for (int i = 0; i < packets; i++) {
            takes.audio(new short[160], 8000, 0, false, (startMs + 20L * i) * MS);
        }
    }

    @Test
    void anAnnouncementPlayedToItsEndIsReportedPlayedWithItsDuration() {
        takes.play(new Play("42", "thon-dong", "PCMU", 0, 8000, 0));
        audio(50, 0);
        takes.stop(new Stop("42", "FINISHED"));

        assertThat(events).containsExactly("open 42 @8000", "finish");
        assertThat(reports).singleElement().satisfies(p -> {
            assertThat(p.outcome()).isEqualTo("PLAYED");
            assertThat(p.millis()).isEqualTo(1000);
        });
        assertThat(takes.playing()).isFalse();
    }

    @Test
    void anAnnouncementWhoseStopWasLostWhileTheChannelWasDownEndsSoonAfterTheChannelIsBack() {
        takes.play(new Play("42", "thon-dong", "PCMU", 0, 8000, 0));
        audio(50, 0);
        takes.rejoined(1500 * MS); // back, and no play of 42 again: it ended meanwhile

        takes.tick(3000 * MS);
        assertThat(reports).isEmpty(); // two seconds of silence not yet past since the welcome
        takes.tick(3600 * MS);

        assertThat(reports).singleElement().satisfies(p -> {
            assertThat(p.announcement()).isEqualTo("42");
            assertThat(p.outcome()).isEqualTo("RECEIVED");
            assertThat(p.millis()).isEqualTo(1000);
        });
    }

    @Test
    void aTakeThatOpenedAfterTheChannelCameBackIsNotTakenForOneWhoseStopWasLost() {
        takes.rejoined(0); // the welcome, heard by the playout only after the play and audio that followed it
        takes.play(new Play("42", "thon-dong", "PCMU", 0, 8000, 0), 100 * MS);
        audio(50, 100);
        takes.rejoined(50 * MS);

        takes.tick(5000 * MS); // a pause in a slow stream

        assertThat(reports).isEmpty();
    }

    @Test
    void anAnnouncementPlayedAgainAfterTheChannelIsBackKeepsItsTakeThroughAPause() {
        takes.play(new Play("42", "thon-dong", "PCMU", 0, 8000, 0));
        audio(50, 0);
        takes.rejoined(1500 * MS);
        takes.play(new Play("42", "thon-dong", "PCMU", 0, 8000, 0), 1600 * MS);

        takes.tick(6000 * MS); // a pause in the stream, shorter than the wait for a missing stop

        assertThat(reports).isEmpty();
        assertThat(takes.playing()).isTrue();
    }

    @Test
    void aPlayReadAfterABacklogOfItsAudioPlayedStillTakesOverTheStream() {
        // The receiver stalled: the play and 1.5 s of audio came together, and the audio played first.
        for (int i = 0; i < 75; i++) {
            takes.audio(new short[160], 8000, 0, false, (1000 + i) * MS);
        }
        takes.play(new Play("42", "thon-dong", "PCMU", 0, 8000, 0), 1100 * MS, 900 * MS);
        audio(25, 1100);
        takes.stop(new Stop("42", "FINISHED"));

        assertThat(events).containsExactly("open stream @8000", "announce 42", "finish");
        assertThat(reports).singleElement().satisfies(p -> {
            assertThat(p.outcome()).isEqualTo("PLAYED");
            assertThat(p.millis()).isEqualTo(2000);
        });
    }

    @Test
    void aPreemptedAnnouncementIsReportedReceivedAndTheNextOneGetsItsOwnTake() {
        takes.play(new Play("42", "thon-dong", "PCMU", 0, 8000, 0));
        audio(10, 0);
        takes.stop(new Stop("42", "PREEMPTED"));
        takes.play(new Play("43", "thon-dong", "PCMU", 0, 8000, 0));
        audio(5, 200);
        takes.stop(new Stop("43", "FINISHED"));

        assertThat(events).containsExactly("open 42 @8000", "finish", "open 43 @8000", "finish");
        assertThat(reports).extracting(Played::outcome).containsExactly("RECEIVED", "PLAYED");
        assertThat(reports.get(0).detail()).contains("PREEMPTED");
        assertThat(reports).extracting(Played::millis).containsExactly(200L, 100L);
    }

    @Test
    void aStopWithNoAudioIsReportedFailed() {
        takes.play(new Play("42", "thon-dong", "PCMU", 0, 8000, 0));
        takes.stop(new Stop("42", "FINISHED"));

        assertThat(events).isEmpty();
        assertThat(reports).singleElement().satisfies(p -> {
            assertThat(p.outcome()).isEqualTo("FAILED");
            assertThat(p.detail()).contains("no audio received");
        });
    }

    @Test
    void audioWithNoPlayIsAStreamThatEndsAfterTwoSecondsOfSilenceWithoutAReport() {
        audio(25, 0);
        takes.tick(2000 * MS);
        assertThat(takes.playing()).isTrue();
        takes.tick((480 + 2001) * MS);

        assertThat(events).containsExactly("open stream @8000", "finish");
        assertThat(reports).isEmpty();
    }

    @Test
    void lostPacketsAreConcealedInsideATakeButNeverStartOne() {
        takes.audio(new short[160], 8000, 0, true, 0);
        assertThat(events).isEmpty();

        takes.play(new Play("9", "z", "PCMU", 0, 8000, 0));
        audio(2, 0);
        takes.audio(new short[160], 8000, 0, true, 40 * MS);
        audio(2, 60);
        takes.stop(new Stop("9", "FINISHED"));

        assertThat(reports.get(0).millis()).isEqualTo(100);
        assertThat(reports.get(0).detail()).contains("1 gói mất / packets lost");
    }

    @Test
    void aTimestampGapInsideATakeCountsAsItsSilence() {
        takes.play(new Play("9", "z", "PCMU", 0, 8000, 0));
        audio(1, 0);
        takes.audio(new short[160], 8000, 800, false, 120 * MS);
        takes.stop(new Stop("9", "FINISHED"));

        assertThat(reports.get(0).millis()).isEqualTo(140);
    }

    @Test
    void aPlayThatComesJustAfterItsAudioStartedTakesOverTheStreamInsteadOfCuttingIt() {
        audio(6, 0);
        takes.play(new Play("42", "thon-dong", "PCMU", 0, 8000, 0));
        audio(44, 120);
        takes.stop(new Stop("42", "FINISHED"));

        assertThat(events).containsExactly("open stream @8000", "announce 42", "finish");
        assertThat(reports).singleElement().satisfies(p -> assertThat(p.millis()).isEqualTo(1000));
    }

    @Test
    void aPlayDuringALongThirdPartyStreamEndsThatStream() {
        audio(100, 0);
        takes.play(new Play("42", "thon-dong", "PCMU", 0, 8000, 0));
        audio(5, 2000);

        assertThat(events).containsExactly("open stream @8000", "finish", "open 42 @8000");
    }

    @Test
    void aLiveCopyOfAnAnnouncementJustPlayedFromItsStoredFileIsNotPlayedButReportedPlayedAgain() {
        takes.stored("7", new short[16_000], 16_000, 0);
        takes.play(new Play("7", "thon-dong", "PCMU", 0, 8000, 0), 100 * MS);
        audio(50, 100);
        takes.stop(new Stop("7", "FINISHED"));
        takes.play(new Play("8", "thon-dong", "PCMU", 0, 8000, 0), 2000 * MS);
        audio(5, 2000);

        assertThat(events).containsExactly("open 7 @16000", "finish", "open 8 @8000");
        assertThat(reports).extracting(Played::announcement, Played::outcome, Played::millis)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("7", "PLAYED", 1000L),
                        org.assertj.core.groups.Tuple.tuple("7", "PLAYED", 1000L));
    }

    @Test
    void aLiveCopyThatBeganBeforeTheStoredFileIsCutAndItsRestNotPlayed() {
        takes.play(new Play("7", "thon-dong", "PCMU", 0, 8000, 0), 0);
        audio(10, 0);
        takes.stored("7", new short[16_000], 16_000, 200 * MS);
        audio(40, 200);
        takes.stop(new Stop("7", "FINISHED"));

        assertThat(events).containsExactly("open 7 @8000", "finish", "open 7 @16000", "finish");
        assertThat(reports).extracting(Played::outcome).containsExactly("RECEIVED", "PLAYED");
    }

    @Test
    void theSameAnnouncementAiredLiveMuchLaterIsANewAiringAndPlays() {
        takes.stored("7", new short[16_000], 16_000, 0);
        long later = java.util.concurrent.TimeUnit.MINUTES.toMillis(16);
        takes.play(new Play("7", "thon-dong", "PCMU", 0, 8000, 0), later * MS);
        audio(5, later);

        assertThat(events).containsExactly("open 7 @16000", "finish", "open 7 @8000");
    }

    /** Records what the tracker asks of its sink. */
    private final class ListSink implements AudioSink {
        @Override
        public void open(String announcement, int sampleRate) {
            events.add("open " + (announcement == null ? "stream" : announcement) + " @" + sampleRate);
        }

        @Override
        public void write(PcmFrame frame) {
        }

        @Override
        public void announce(String announcement) {
            events.add("announce " + announcement);
        }

        @Override
        public String finish() {
            events.add("finish");
            return "listed";
        }

        @Override
        public void volume(int level) {
        }

        @Override
        public String description() {
            return "list";
        }

        @Override
        public void close() {
        }
    }
}
