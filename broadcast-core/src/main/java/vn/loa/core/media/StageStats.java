package vn.loa.core.media;

import java.time.Duration;

/**
 * What one pipeline stage has done so far: units out, bytes out, media time out and the CPU time it took.
 *
 * @param name the stage's name in the pipeline
 * @param units frames or packets the stage has passed on
 * @param bytes their size: PCM as 16-bit samples, encoded frames and packets as sent
 * @param mediaTime how much audio those units hold, where the unit says (zero for packets)
 * @param busyTime time spent in this stage alone, its upstream's time taken out
 */
public record StageStats(String name, long units, long bytes, Duration mediaTime, Duration busyTime) {

    /** Audio produced per second of work: above 1 the stage is faster than real time. */
    public double realTimeFactor() {
        if (busyTime.isZero()) {
            return Double.POSITIVE_INFINITY;
        }
        return (double) mediaTime.toNanos() / busyTime.toNanos();
    }
}
