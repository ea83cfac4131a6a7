package vn.loa.wire.srtp;

/** Why a node agent dropped an SRTP or SRTCP packet; each reason is counted on its own. */
public enum SrtpFailure {
    /** Too short for a header and a tag, not RTP version 2, or a header that runs past the end. */
    MALFORMED,
    /** The authentication tag does not match: the packet was altered, or protected with another key. */
    AUTHENTICATION,
    /** The packet was received already, or is older than the replay window (RFC 3711 §3.3.2). */
    REPLAY,
    /** The cipher could not process the packet. */
    CIPHER
}
