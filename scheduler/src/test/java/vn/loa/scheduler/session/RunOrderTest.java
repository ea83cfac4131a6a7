package vn.loa.scheduler.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.loa.scheduler.session.PlannedItem.ItemKind;

class RunOrderTest {

    private static final Instant NOW = Instant.parse("2026-12-07T22:00:00Z");
    private static final BlockRule MUSIC = new BlockRule("nhac", null, Duration.ofDays(2), null);

    /** Made-up material: two jingles, some songs, notices of given lengths; speech lasts a second per 10 letters. */
    record Fake(List<Notice> notices, List<Recording> library) implements Material {
        static final Map<String, Duration> JINGLES = Map.of("mo", Duration.ofSeconds(10), "dong",
                Duration.ofSeconds(8), "chuyen", Duration.ofSeconds(2));

        @Override
        public Duration lengthOf(String audioId) {
            Duration jingle = JINGLES.get(audioId);
            if (jingle != null) {
                return jingle;
            }
            return library.stream().filter(r -> r.id().equals(audioId)).map(Recording::length).findFirst()
                    .orElse(Duration.ZERO);
        }

        @Override
        public Duration spoken(String text) {
            return Duration.ofMillis(text.length() * 100L);
        }
    }

    static List<Recording> songs(int count) {
        List<Recording> songs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            songs.add(new Recording("s" + i, "Bài " + i, Set.of("nhac"), NOW, Duration.ofMillis(61_000 + i * 7_919L),
                    null));
        }
        return songs;
    }

    static SessionTemplate morning(OverrunRule rule, SessionPart... middle) {
        List<SessionPart> parts = new ArrayList<>(List.of(SessionPart.jingle("mo"), SessionPart.timeSignal(),
                SessionPart.notices()));
        parts.addAll(List.of(middle));
        parts.add(SessionPart.jingle("dong"));
        return new SessionTemplate(1, "xa-a", "Buổi sáng", Set.of(), LocalTime.of(6, 0), LocalTime.of(6, 45), parts,
                "chuyen", rule, null, null);
    }

    @Test
    void aMorningSessionAirsJingleTimeNoticesRelayMusicAndEndsOnTheSecond() {
        Fake material = new Fake(List.of(new Notice(5, "Lịch tiêm phòng", Duration.ofSeconds(75)),
                new Notice(9, "Họp thôn", Duration.ofSeconds(40))), songs(40));
        SessionTemplate template = morning(OverrunRule.CUT, SessionPart.block(MUSIC, null),
                SessionPart.relay("http://vov/1", LocalTime.of(6, 15), Duration.ofMinutes(15)),
                SessionPart.block(MUSIC, null));

        RunOrder order = RunOrder.plan(template, material, NOW);

        List<PlannedItem> items = order.items();
        assertThat(items.get(0).kind()).isEqualTo(ItemKind.JINGLE);
        assertThat(items.get(1)).extracting(PlannedItem::kind, PlannedItem::ref)
                .containsExactly(ItemKind.TIME_SIGNAL, "Bây giờ là 6 giờ.");
        assertThat(items.subList(2, 4)).extracting(PlannedItem::ref).containsExactly("5", "9");
        PlannedItem relay = items.stream().filter(i -> i.kind() == ItemKind.RELAY).findFirst().orElseThrow();
        assertThat(relay.offset()).as("the relay at 06:15").isEqualTo(Duration.ofMinutes(15));
        PlannedItem before = items.get(items.indexOf(relay) - 1);
        Duration gap = before.kind() == ItemKind.SILENCE ? before.length() : relay.offset().minus(before.end());
        assertThat(gap)
                .as("music fills to the relay within a second").isBetween(Duration.ZERO, Duration.ofSeconds(1));
        PlannedItem closing = items.get(items.size() - 1);
        assertThat(closing.ref()).isEqualTo("dong");
        assertThat(Duration.ofMinutes(45).minus(closing.end())).as("the closing jingle ends within a second of 06:45")
                .isBetween(Duration.ZERO, Duration.ofSeconds(1));
        assertThat(items.stream().filter(i -> i.kind() == ItemKind.RECORDING).map(PlannedItem::ref))
                .as("no song twice").doesNotHaveDuplicates();
        assertThat(order.dropped()).isEmpty();
    }

    @Test
    void underCutTheItemOnAirAtTheRelaysTimeIsCutAndLaterOnesDropped() {
        Fake material = new Fake(List.of(new Notice(1, "Dài", Duration.ofMinutes(10)),
                new Notice(2, "Dài nữa", Duration.ofMinutes(10)), new Notice(3, "Thừa", Duration.ofMinutes(1))),
                List.of());
        SessionTemplate template = morning(OverrunRule.CUT,
                SessionPart.relay("http://vov/1", LocalTime.of(6, 15), Duration.ofMinutes(10)));

        RunOrder order = RunOrder.plan(template, material, NOW);

        PlannedItem second = order.items().stream().filter(i -> i.ref().equals("2")).findFirst().orElseThrow();
        assertThat(second.cut()).isTrue();
        assertThat(second.end()).isEqualTo(Duration.ofMinutes(15));
        assertThat(order.dropped()).containsExactly("Thừa");
        assertThat(order.items()).extracting(PlannedItem::ref).doesNotContain("3");
        assertThat(order.limit(order.items().indexOf(second), Duration.ofMinutes(5).plusSeconds(20),
                OverrunRule.CUT)).as("on air, cut at the relay's time").isEqualTo(second.length());
    }

    @Test
    void underPushTheRelayWaitsAndTheSessionEndsLate() {
        Fake material = new Fake(List.of(new Notice(1, "Dài", Duration.ofMinutes(16))), List.of());
        SessionTemplate template = morning(OverrunRule.PUSH,
                SessionPart.relay("http://vov/1", LocalTime.of(6, 15), Duration.ofMinutes(10)));

        RunOrder order = RunOrder.plan(template, material, NOW);

        PlannedItem relay = order.items().stream().filter(i -> i.kind() == ItemKind.RELAY).findFirst().orElseThrow();
        assertThat(relay.offset()).isGreaterThan(Duration.ofMinutes(16));
        assertThat(order.items()).noneMatch(PlannedItem::cut);
        assertThat(order.dropped()).isEmpty();
        assertThat(order.limit(0, Duration.ZERO, OverrunRule.PUSH)).as("nothing is cut on air").isNull();
    }

    @Test
    void anEarlyRelayIsWaitedForWithSilence() {
        Fake material = new Fake(List.of(new Notice(1, "Ngắn", Duration.ofSeconds(30))), List.of());
        SessionTemplate template = morning(OverrunRule.CUT,
                SessionPart.relay("http://vov/1", LocalTime.of(6, 5), Duration.ofMinutes(10)));

        RunOrder order = RunOrder.plan(template, material, NOW);

        int relay = order.items().size() - 2;
        assertThat(order.items().get(relay - 1).kind()).isEqualTo(ItemKind.SILENCE);
        assertThat(order.items().get(relay).offset()).isEqualTo(Duration.ofMinutes(5));
        assertThat(order.waitBefore(relay, Duration.ofMinutes(4))).as("on air, the relay waits for its minute")
                .isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aBlockWithoutAClosingJingleFillsToTheSessionsEnd() {
        SessionTemplate template = new SessionTemplate(3, "xa-a", "Nhạc", Set.of(), LocalTime.of(11, 0),
                LocalTime.of(11, 20), List.of(SessionPart.notices(), SessionPart.block(MUSIC, null)), null,
                OverrunRule.CUT, null, null);

        RunOrder order = RunOrder.plan(template, new Fake(List.of(), songs(30)), NOW);

        assertThat(Duration.ofMinutes(20).minus(order.length())).isBetween(Duration.ZERO, Duration.ofSeconds(1));
    }

    @Test
    void theCronRuleStartsTheSessionOnItsDaysAtItsSecond() {
        SessionTemplate daily = morning(OverrunRule.CUT);
        SessionTemplate weekly = new SessionTemplate(2, "xa-a", "Chiều", Set.of(java.time.DayOfWeek.FRIDAY,
                java.time.DayOfWeek.MONDAY), LocalTime.of(17, 0, 30), LocalTime.of(17, 45), List.of(), null,
                OverrunRule.CUT, null, null);

        assertThat(daily.cron()).isEqualTo("0 0 6 ? * *");
        assertThat(weekly.cron()).isEqualTo("30 0 17 ? * MON,FRI");
    }
}
