package vn.loa.wire.srtp;

/** Thrown when text that should carry an SRTP key (SDES {@code inline:} or an SDP {@code a=crypto} line) does not. */
public class MalformedSrtpKeyException extends IllegalArgumentException {

    public MalformedSrtpKeyException(String message) {
        super(message);
    }
}
