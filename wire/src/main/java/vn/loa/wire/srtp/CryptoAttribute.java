package vn.loa.wire.srtp;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SDP {@code a=crypto} attribute (RFC 4568 §9.1) offering an SRTP key in the AES_CM_128_HMAC_SHA1_80 suite, for a
 * zone stream's SDP next to {@code m=audio ... RTP/SAVP}.
 *
 * <p>A pure converter between the line and the value: {@code a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:...}.
 *
 * @param tag the attribute's number within its media description, 1 to 999,999,999
 */
public record CryptoAttribute(int tag, SrtpMasterKey key) {

    private static final Pattern LINE = Pattern.compile("(?:a=)?crypto:(\\d{1,9}) +(\\S+) +(\\S+)(?: +.*)?");

    public CryptoAttribute {
        if (tag < 1) {
            throw new MalformedSrtpKeyException("a crypto attribute's tag must be from 1 to 999999999, got " + tag);
        }
        Objects.requireNonNull(key, "key");
    }

    /** Reads an {@code a=crypto} line (with or without {@code a=}); session parameters after the key are ignored. */
    public static CryptoAttribute parse(String line) {
        Matcher m = LINE.matcher(line == null ? "" : line.strip());
        if (!m.matches()) {
            throw new MalformedSrtpKeyException("not an SDP crypto attribute: 'a=crypto:<tag> <suite> inline:<key>'");
        }
        if (!m.group(2).equals(SrtpMasterKey.SUITE)) {
            throw new MalformedSrtpKeyException("crypto suite " + m.group(2) + " is not supported, only "
                    + SrtpMasterKey.SUITE);
        }
        return new CryptoAttribute(Integer.parseInt(m.group(1)), SrtpMasterKey.parseInline(m.group(3)));
    }

    /** The SDP line without its line end, such as {@code a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:...}. */
    public String sdpLine() {
        return "a=crypto:" + tag + " " + SrtpMasterKey.SUITE + " " + key.inline();
    }

    @Override
    public String toString() {
        return "CryptoAttribute[tag=" + tag + ", " + SrtpMasterKey.SUITE + "]";
    }
}
