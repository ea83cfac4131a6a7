package vn.loa.scheduler.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SmartBlockTest {

    private static final Instant NOW = Instant.parse("2026-12-07T23:00:00Z");
    private static final BlockRule MUSIC = new BlockRule("nhac", null, null, null);

    static Recording song(String id, long millis) {
        return new Recording(id, "Bài " + id, Set.of("nhac"), NOW.minus(Duration.ofDays(3)), Duration.ofMillis(millis),
                null);
    }

    @Test
    void aSlotIsFilledToWithinOneSecondFromALibraryOfOddLengths() {
        Random random = new Random(7);
        List<Recording> library = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            library.add(song("s" + i, 95_000 + random.nextInt(240_000)));
        }
        for (long minutes : new long[] {5, 13, 27, 45}) {
            Duration slot = Duration.ofMinutes(minutes).plusMillis(random.nextInt(60_000));

            SmartBlock.Fill fill = SmartBlock.fill(library, MUSIC, slot, Duration.ofMillis(3_250), NOW);

            assertThat(fill.length()).as("never past the slot of %s", slot).isLessThanOrEqualTo(slot);
            assertThat(fill.shortBy()).as("short of %s", slot).isLessThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(fill.length()).isEqualTo(SmartBlock.lengthOf(fill.picked(), Duration.ofMillis(3_250)));
            assertThat(fill.picked()).doesNotHaveDuplicates();
        }
    }

    @Test
    void recordingsAiredWithinTheNoRepeatPeriodAreNotPicked() {
        Recording fresh = new Recording("a", "A", Set.of("nhac"), NOW, Duration.ofSeconds(60), null);
        Recording airedYesterday = new Recording("b", "B", Set.of("nhac"), NOW, Duration.ofSeconds(60),
                NOW.minus(Duration.ofDays(1)));
        Recording airedLastWeek = new Recording("c", "C", Set.of("nhac"), NOW, Duration.ofSeconds(60),
                NOW.minus(Duration.ofDays(8)));
        BlockRule noRepeatForThreeDays = new BlockRule("nhac", null, Duration.ofDays(3), null);

        SmartBlock.Fill fill = SmartBlock.fill(List.of(fresh, airedYesterday, airedLastWeek), noRepeatForThreeDays,
                Duration.ofMinutes(5), Duration.ZERO, NOW);

        assertThat(fill.picked()).extracting(Recording::id).containsExactly("a", "c");
    }

    @Test
    void tagAgeAndLengthLimitWhatIsPicked() {
        Recording oldSong = new Recording("old", "Cũ", Set.of("nhac"), NOW.minus(Duration.ofDays(400)),
                Duration.ofSeconds(30), null);
        Recording news = new Recording("news", "Tin", Set.of("tin-tuc"), NOW, Duration.ofSeconds(30), null);
        Recording longSong = new Recording("long", "Dài", Set.of("nhac"), NOW, Duration.ofMinutes(9), null);
        Recording ok = new Recording("ok", "Được", Set.of("nhac", "dan-ca"), NOW, Duration.ofSeconds(30), null);
        BlockRule rule = new BlockRule("nhac", Duration.ofDays(365), null, Duration.ofMinutes(8));

        SmartBlock.Fill fill = SmartBlock.fill(List.of(oldSong, news, longSong, ok), rule, Duration.ofMinutes(20),
                Duration.ZERO, NOW);

        assertThat(fill.picked()).extracting(Recording::id).containsExactly("ok");
        assertThat(fill.shortBy()).isEqualTo(Duration.ofMinutes(20).minusSeconds(30));
    }

    @Test
    void neverAiredRecordingsArePreferredOverOnesAiredBefore() {
        Recording aired = new Recording("aired", "A", Set.of("nhac"), NOW, Duration.ofSeconds(60),
                NOW.minus(Duration.ofDays(30)));
        Recording never = new Recording("never", "N", Set.of("nhac"), NOW, Duration.ofSeconds(60), null);

        SmartBlock.Fill fill = SmartBlock.fill(List.of(aired, never), MUSIC, Duration.ofSeconds(90), Duration.ZERO,
                NOW);

        assertThat(fill.picked()).extracting(Recording::id).containsExactly("never");
    }

    @Test
    void anEmptyLibraryLeavesTheWholeSlotShort() {
        SmartBlock.Fill fill = SmartBlock.fill(List.of(), MUSIC, Duration.ofMinutes(3), Duration.ZERO, NOW);

        assertThat(fill.picked()).isEmpty();
        assertThat(fill.shortBy()).isEqualTo(Duration.ofMinutes(3));
    }
}
