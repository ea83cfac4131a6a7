package vn.loa.wire.srtp;

/**
 * Thrown by {@link SrtpReceiver} for a packet it will not play: the caller drops it (the receiver has counted it).
 *
 * <p>Checked, so a receiving loop cannot forget that packets from the network may be hostile. It carries no stack
 * trace: a flood of forged packets must not cost a stack walk each.
 */
public class SrtpRejectedException extends Exception {

    private final SrtpFailure failure;

    public SrtpRejectedException(SrtpFailure failure, String detail) {
        super(failure + ": " + detail, null, false, false);
        this.failure = failure;
    }

    public SrtpFailure failure() {
        return failure;
    }
}
