package vn.loa.server.announcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads the server's sources for every class that changes an announcement's state and walks each of its moves through
 * the transition table: only {@link Lifecycle} writes a state, and every other class asks it by a {@link LoaStep}.
 */
class LifecycleCallersTest {

    private static final Path SOURCES = Path.of("src/main/java/vn/loa/server");
    private static final Pattern STEP = Pattern.compile("LoaStep\\.([A-Z_]+)");

    /** Who takes which of Loa's steps; a new caller or a new step must be added here, and so walked. */
    private static final Map<String, Set<LoaStep>> CALLERS = Map.of(
            "OnAir", EnumSet.of(LoaStep.GOES_ON_AIR, LoaStep.AIRED, LoaStep.FAILS_WAITING, LoaStep.FAILS_ON_AIR),
            "LiveAir", EnumSet.of(LoaStep.GOES_ON_AIR, LoaStep.FAILS_WAITING),
            "AirLog", EnumSet.of(LoaStep.AIRED, LoaStep.FAILS_ON_AIR),
            "Relays", EnumSet.of(LoaStep.FAILS_ON_AIR),
            "ProgrammeFiring", EnumSet.of(LoaStep.FAILS_WAITING),
            "Programmes", EnumSet.of(LoaStep.FAILS_ON_AIR, LoaStep.SERIES_ENDS, LoaStep.FAILS_WAITING),
            "ScheduledAir", EnumSet.of(LoaStep.FAILS_WAITING),
            "HotlineAir", EnumSet.of(LoaStep.HANDED_TO_AIR),
            // A programme session (ADR 0053): the session is handed to the air, and each notice in it moves as it airs.
            "SessionFiring", EnumSet.of(LoaStep.HANDED_TO_AIR),
            "SessionSounds", EnumSet.of(LoaStep.HANDED_TO_AIR, LoaStep.GOES_ON_AIR, LoaStep.AIRED,
                    LoaStep.FAILS_ON_AIR));

    @Test
    void everyClassOutsideTheLifecycleAsksForItsMovesByStep() throws IOException {
        assertThat(stepsBySourceClass()).isEqualTo(new TreeMap<>(CALLERS));
    }

    @Test
    void onlyTheLifecycleWritesAStateOrATransition() throws IOException {
        Set<String> writers = classesMatching(Pattern.compile("\\.(moveState|recordTransition)\\("));
        // The database's store carries the Lifecycle's writes to the SQL; it decides none of them.
        assertThat(writers).containsExactlyInAnyOrder("Lifecycle", "JdbiAnnouncementStore");
    }

    @Test
    void everyCallersStepIsAllowedByTheTableAndTheRecurringOnesOnlyForRecurringAnnouncements() {
        CALLERS.forEach((caller, steps) -> steps.forEach(step -> {
            assertThat(step.from().canMoveTo(step.to(), true)).as(caller + " " + step).isTrue();
            assertThat(step.from().canMoveTo(step.to(), false)).as(caller + " " + step).isEqualTo(!step.recurringOnly());
        }));
    }

    @Test
    void everyStepIsTakenBySomeoneAndTheLifecycleItselfTakesTheWaitsForTheNextAiring() {
        Set<LoaStep> taken = EnumSet.noneOf(LoaStep.class);
        CALLERS.values().forEach(taken::addAll);
        assertThat(EnumSet.complementOf(EnumSet.copyOf(taken)))
                .containsExactlyInAnyOrder(LoaStep.WAITS_AFTER_AIRING, LoaStep.WAITS_AFTER_FAILURE);
        for (LoaStep wait : EnumSet.of(LoaStep.WAITS_AFTER_AIRING, LoaStep.WAITS_AFTER_FAILURE)) {
            assertThat(LoaStep.waitingAfter(wait.from())).isEqualTo(wait);
            assertThat(wait.from().canMoveTo(wait.to(), true)).isTrue();
        }
    }

    private static Map<String, Set<LoaStep>> stepsBySourceClass() throws IOException {
        Map<String, Set<LoaStep>> found = new TreeMap<>();
        for (Path file : sources()) {
            String name = className(file);
            if (Set.of("LoaStep", "Lifecycle", "AnnouncementService").contains(name)) {
                continue;
            }
            Matcher m = STEP.matcher(Files.readString(file));
            while (m.find()) {
                found.computeIfAbsent(name, n -> EnumSet.noneOf(LoaStep.class)).add(LoaStep.valueOf(m.group(1)));
            }
        }
        return found;
    }

    private static Set<String> classesMatching(Pattern pattern) throws IOException {
        Set<String> classes = new java.util.TreeSet<>();
        for (Path file : sources()) {
            if (pattern.matcher(Files.readString(file)).find()) {
                classes.add(className(file));
            }
        }
        return classes;
    }

    private static Set<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toSet());
        }
    }

    private static String className(Path file) {
        return file.getFileName().toString().replace(".java", "");
    }
}
