package vn.loa.server.air;

import java.util.function.Function;
import vn.loa.core.model.Announcement;

/**
 * What an announcement sounds like before mixing, the same on air ({@link OnAir}) and in the files agents fetch ahead
 * ({@link Prefetcher}): built first and given to both.
 */
final class AirSounds implements Prefetcher.Sounds {

    private final OnAir.Speech speech;
    private final Function<String, Sound> recordings;
    private final SessionAir sessions;

    /**
     * @param recordings decodes an uploaded recording (by its audio id) as it airs
     * @param sessions the run orders of the announcements that carry a programme session
     */
    AirSounds(OnAir.Speech speech, Function<String, Sound> recordings, SessionAir sessions) {
        this.speech = speech;
        this.recordings = recordings;
        this.sessions = sessions;
    }

    /**
     * What {@code a} sounds like before mixing: its text spoken, its uploaded recording decoded, or its playlist's
     * recordings decoded one after another; made as it is heard. Blocks only to find the files.
     */
    @Override
    public Sound of(Announcement a, String unitPath) {
        return sessions.of(a, unitPath, plain -> content(plain, unitPath)).orElseGet(() -> content(a, unitPath));
    }

    private Sound content(Announcement a, String unitPath) {
        if (a.isPlaylist()) {
            return Sound.joined(a.playlist().stream().map(recordings).toList());
        }
        if (a.text() == null) {
            return recordings.apply(a.audioId());
        }
        String text = vn.loa.server.http.TextInput.spoken(a.text());
        boolean urgent = a.priority() == vn.loa.core.model.Priority.EMERGENCY;
        return new Sound(OnAir.Speech.SAMPLE_RATE, sink -> speech.speak(text, a.voice(), unitPath, urgent, sink));
    }
}
