package vn.loa.scheduler.session;

import java.time.Duration;
import java.time.LocalTime;

/**
 * One part of a session template, in airing order. Which fields matter depends on the kind: {@code audioId} for a
 * jingle or recording; {@code rule} and an optional {@code length} (else: up to the next fixed time) for a smart block;
 * {@code url}, {@code at} (its fixed time; null: where it falls) and {@code length} for a relay.
 */
public record SessionPart(PartKind kind, String audioId, BlockRule rule, String url, LocalTime at, Duration length) {

    public static SessionPart jingle(String audioId) {
        return new SessionPart(PartKind.JINGLE, audioId, null, null, null, null);
    }

    public static SessionPart timeSignal() {
        return new SessionPart(PartKind.TIME_SIGNAL, null, null, null, null, null);
    }

    public static SessionPart notices() {
        return new SessionPart(PartKind.NOTICES, null, null, null, null, null);
    }

    public static SessionPart recording(String audioId) {
        return new SessionPart(PartKind.RECORDING, audioId, null, null, null, null);
    }

    public static SessionPart block(BlockRule rule, Duration length) {
        return new SessionPart(PartKind.SMART_BLOCK, null, rule, null, null, length);
    }

    public static SessionPart relay(String url, LocalTime at, Duration length) {
        return new SessionPart(PartKind.RELAY, null, null, url, at, length);
    }
}
