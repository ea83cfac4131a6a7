package vn.loa.wire.rtp;

/** Thrown by a decoder when bytes from the network are not a well-formed packet; the caller drops and counts it. */
public class MalformedPacketException extends RuntimeException {

    public MalformedPacketException(String message) {
        super(message);
    }
}
