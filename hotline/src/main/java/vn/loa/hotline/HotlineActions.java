package vn.loa.hotline;

import java.util.List;

/**
 * What a caller can make the server do, and the server's voice. Implemented by the server; called from the hotline's
 * threads, so methods may block (speech synthesis, SQL).
 */
public interface HotlineActions {

    /** {@code text} spoken by Loa's TTS, as 8 kHz mono samples for the caller's ear. */
    short[] speak(String text);

    /** The zones a caller may choose under menu option 2, in the order of their digits (1 = first). */
    List<String> zoneNames(String number);

    /** The titles of the prepared alerts under option 3, in the order of their digits (1 = first). */
    List<String> presetTitles(String number);

    /**
     * Puts the caller on air as EMERGENCY, a chime first: on every zone of their unit ({@code zoneChoice} 0), or on
     * the zone of that digit. The relay takes the caller's 8 kHz audio; null when nothing can be reached.
     */
    LiveRelay goLive(String callId, String number, int zoneChoice);

    /** Airs the prepared alert of that digit; false when there is none. */
    boolean airPreset(String callId, String number, int digit);

    /** The caller's voice on its way to the zones. Thread-safe; {@link #end} once. */
    interface LiveRelay {
        void offer(short[] samples8k);

        void end();
    }
}
