package vn.loa.server.air;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.core.media.BufferedPcmSource;
import vn.loa.core.model.Announcement;
import vn.loa.core.model.AnnouncementState;
import vn.loa.core.model.Priority;
import vn.loa.core.model.Schedule;

class AirSoundsTest {

    private final List<Boolean> urgent = new ArrayList<>();
    private final AirSounds sounds = new AirSounds(new OnAir.Speech() {
        @Override
        public void speak(String text, String voice, String unitPath, BufferedPcmSource.Sink sink) {
            speak(text, voice, unitPath, false, sink);
        }

        @Override
        public void speak(String text, String voice, String unitPath, boolean isUrgent, BufferedPcmSource.Sink sink) {
            urgent.add(isUrgent);
        }
    }, id -> null, SessionAir.NONE);

    @Test
    void onlyAnEmergencyNoticeIsSpokenAsUrgent() {
        sounds.of(notice(Priority.EMERGENCY), "/").whole();
        sounds.of(notice(Priority.SCHEDULED), "/").whole();
        sounds.of(notice(Priority.LIVE), "/").whole();

        assertThat(urgent).containsExactly(true, false, false);
    }

    private static Announcement notice(Priority priority) {
        Instant at = Instant.parse("2026-12-07T08:00:00Z");
        return new Announcement(1, "Lũ", "Nước lên, gọi 0912 345 678.", null, null, List.of("thon"), priority, null, 1,
                false, new Schedule(null, null, null, null), AnnouncementState.DRAFT, "chu-tich", at, at);
    }
}
