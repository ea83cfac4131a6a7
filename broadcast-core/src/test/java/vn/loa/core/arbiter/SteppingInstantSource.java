package vn.loa.core.arbiter;

import java.time.Instant;
import java.time.InstantSource;

/** A wall clock that stands still until the test moves it. */
final class SteppingInstantSource implements InstantSource {

    private Instant now;

    SteppingInstantSource(Instant start) {
        this.now = start;
    }

    @Override
    public Instant instant() {
        return now;
    }

    void advanceSeconds(long seconds) {
        now = now.plusSeconds(seconds);
    }
}
