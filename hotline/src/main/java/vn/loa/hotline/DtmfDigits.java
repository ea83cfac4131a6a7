package vn.loa.hotline;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Turns RFC 4733 packets and SIP INFO bodies into key presses, each once. A telephone event is sent in several packets
 * and its end packet three times (RFC 4733 section 2.5.1.4); a key counts when its first end packet arrives, and a
 * repeat of the same event within {@link #REPEAT_WINDOW_MS} is the same press. Thread-safe.
 */
public final class DtmfDigits {

    static final long REPEAT_WINDOW_MS = 250;

    private final Consumer<Character> presses;
    private final LongSupplier clockMillis;
    private long lastTimestamp = -1;
    private int lastEvent = -1;
    private long lastAt;

    public DtmfDigits(Consumer<Character> presses, LongSupplier clockMillis) {
        this.presses = presses;
        this.clockMillis = clockMillis;
    }

    /** An RTP packet of the telephone-event payload type. */
    public void rtp(long rtpTimestamp, byte[] payload) {
        TelephoneEvent event = TelephoneEvent.decode(payload);
        if (event == null || !event.end() || event.digit() == 0) {
            return;
        }
        char digit;
        synchronized (this) {
            long now = clockMillis.getAsLong();
            boolean repeat = rtpTimestamp == lastTimestamp && event.event() == lastEvent
                    && now - lastAt < REPEAT_WINDOW_MS;
            lastAt = now;
            lastTimestamp = rtpTimestamp;
            lastEvent = event.event();
            if (repeat) {
                return;
            }
            digit = event.digit();
        }
        presses.accept(digit);
    }

    /**
     * A SIP INFO body: {@code application/dtmf-relay} ({@code Signal=5\r\nDuration=160}) or {@code application/dtmf}
     * ({@code 5}). Anything else is ignored.
     */
    public void info(String contentType, String body) {
        if (contentType == null || body == null || body.length() > 1000) {
            return;
        }
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        String signal = null;
        if (type.startsWith("application/dtmf-relay")) {
            for (String line : body.split("\r?\n")) {
                int eq = line.indexOf('=');
                if (eq > 0 && line.substring(0, eq).trim().equalsIgnoreCase("Signal")) {
                    signal = line.substring(eq + 1).trim();
                }
            }
        } else if (type.startsWith("application/dtmf")) {
            signal = body.trim();
        }
        if (signal != null && signal.length() == 1 && "0123456789*#ABCDabcd".indexOf(signal.charAt(0)) >= 0) {
            presses.accept(Character.toUpperCase(signal.charAt(0)));
        }
    }
}
