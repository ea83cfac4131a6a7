package vn.loa.hotline;

/**
 * An RFC 4733 telephone-event payload (section 2.3): the event code, whether this packet ends the event, its volume
 * and its duration so far in timestamp units. Pure: bytes in, value out.
 */
public record TelephoneEvent(int event, boolean end, int volume, int duration) {

    private static final String DIGITS = "0123456789*#ABCD";

    /** Decodes the first four bytes of an RTP payload; null when it is too short. */
    public static TelephoneEvent decode(byte[] payload) {
        if (payload == null || payload.length < 4) {
            return null;
        }
        return new TelephoneEvent(payload[0] & 0xFF, (payload[1] & 0x80) != 0, payload[1] & 0x3F,
                ((payload[2] & 0xFF) << 8) | (payload[3] & 0xFF));
    }

    /** The DTMF key of events 0-15 ({@code 0-9 * # A-D}); 0 for any other event. */
    public char digit() {
        return event < DIGITS.length() ? DIGITS.charAt(event) : 0;
    }
}
