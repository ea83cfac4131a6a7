package vn.loa.scheduler.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The rule that fills a slot of a session with recordings: of those a {@link BlockRule} allows, the set whose lengths
 * (with a jingle between two of them) come closest to the slot without passing it; among equal fills, those never
 * aired or aired longest ago, then the newest, are preferred.
 *
 * <p>A 0/1 knapsack over lengths counted in {@link #STEP}s: a slot of an hour is 360,000 cells, each item is tried
 * once, so a library of a few hundred recordings fills in milliseconds. Pure: no clock, no I/O.
 */
public final class SmartBlock {

    /** The grain of the search: rounding each item to it costs at most half a step per item. */
    static final long STEP = 10;
    /** The longest slot a block fills (memory is one int per step). */
    public static final Duration LONGEST_SLOT = Duration.ofHours(4);

    private SmartBlock() {
    }

    /** What a block was filled with, in airing order, and how far short of the slot it ends. */
    public record Fill(List<Recording> picked, Duration length, Duration shortBy) {
    }

    /**
     * Fills {@code slot}: picks allowed recordings so that their summed length plus one {@code jingle} between two
     * neighbours is at most {@code slot}, as close to it as the library allows.
     */
    public static Fill fill(List<Recording> library, BlockRule rule, Duration slot, Duration jingle, Instant now) {
        if (slot.isNegative() || slot.isZero()) {
            return new Fill(List.of(), Duration.ZERO, Duration.ZERO);
        }
        if (slot.compareTo(LONGEST_SLOT) > 0) {
            throw new IllegalArgumentException("a smart block fills at most " + LONGEST_SLOT.toHours() + " h");
        }
        List<Recording> allowed = new ArrayList<>(library.stream().filter(r -> rule.allows(r, now)).toList());
        allowed.sort(preference());
        long jingleMs = jingle.toMillis();
        // Each item carries the jingle after it; the slot gets one jingle more, as the last item needs none.
        int cells = (int) ((slot.toMillis() + jingleMs) / STEP);
        int[] reachedBy = new int[cells + 1];
        java.util.Arrays.fill(reachedBy, -1);
        reachedBy[0] = Integer.MAX_VALUE;
        for (int i = 0; i < allowed.size(); i++) {
            int size = (int) Math.round((allowed.get(i).length().toMillis() + jingleMs) / (double) STEP);
            for (int t = cells; t >= size; t--) {
                if (reachedBy[t] < 0 && reachedBy[t - size] >= 0) {
                    reachedBy[t] = i;
                }
            }
        }
        // Rounding may make a cell's true length pass the slot: take the fullest cell whose exact sum fits.
        for (int t = cells; t >= 0; t--) {
            if (reachedBy[t] < 0) {
                continue;
            }
            List<Recording> picked = walkBack(allowed, reachedBy, t, jingleMs);
            Duration length = lengthOf(picked, jingle);
            if (length.compareTo(slot) <= 0) {
                return new Fill(picked, length, slot.minus(length));
            }
        }
        return new Fill(List.of(), Duration.ZERO, slot);
    }

    /** The summed length of {@code items} with a jingle between neighbours. */
    public static Duration lengthOf(List<Recording> items, Duration jingle) {
        Duration sum = items.stream().map(Recording::length).reduce(Duration.ZERO, Duration::plus);
        return items.isEmpty() ? sum : sum.plus(jingle.multipliedBy(items.size() - 1L));
    }

    private static List<Recording> walkBack(List<Recording> allowed, int[] reachedBy, int cell, long jingleMs) {
        List<Recording> picked = new ArrayList<>();
        int t = cell;
        while (t > 0) {
            int i = reachedBy[t];
            picked.add(allowed.get(i));
            t -= (int) Math.round((allowed.get(i).length().toMillis() + jingleMs) / (double) STEP);
        }
        // Found from the last preferred backwards: air them in the order of preference.
        Collections.reverse(picked);
        return picked;
    }

    /** Never aired first, then aired longest ago; then the newest upload; then by id, so a fill is repeatable. */
    private static Comparator<Recording> preference() {
        return Comparator.<Recording, Instant>comparing(r -> r.lastAired() == null ? Instant.MIN : r.lastAired())
                .thenComparing(Recording::createdAt, Comparator.reverseOrder())
                .thenComparing(Recording::id);
    }
}
