package vn.loa.server.alert;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How an alert airs (ADR 0051): for an event type and a severity (null: any), whether the attention tone plays first,
 * how many times the text is read in one airing ({@code plays}), how many airings in all ({@code airings}) and the
 * pause after one airing ends before the next begins. The airings stop early at the alert's {@code <expires>} or
 * at a Cancel.
 */
public record AlertPlan(String event, String severity, boolean tone, int plays, int airings, Duration pause) {

    /** The most airings a plan may ask for: with the shortest pause, a few hours of one warning at most. */
    public static final int MAX_AIRINGS = 100;
    /** The most reads of the text in one airing. */
    public static final int MAX_PLAYS = 5;

    /** What airs when no plan of the unit (or above) matches: Extreme three airings, Severe two, others one. */
    static final List<AlertPlan> BUILT_IN = List.of(
            new AlertPlan(null, "Extreme", true, 3, 3, Duration.ofMinutes(10)),
            new AlertPlan(null, "Severe", true, 2, 2, Duration.ofMinutes(15)),
            new AlertPlan(null, null, true, 1, 1, Duration.ofMinutes(15)));

    /** True when this plan is for an alert of {@code event} and {@code severity} (case does not matter). */
    boolean matches(String event, String severity) {
        return (this.event == null || same(this.event, event)) && (this.severity == null || same(this.severity, severity));
    }

    /** How specific the plan is: event and severity 3, event 2, severity 1, neither 0. */
    int specificity() {
        return (event == null ? 0 : 2) + (severity == null ? 0 : 1);
    }

    /** The most specific plan in {@code plans} for the alert, or null. */
    static AlertPlan best(List<AlertPlan> plans, String event, String severity) {
        AlertPlan best = null;
        for (AlertPlan p : plans) {
            if (p.matches(event, severity) && (best == null || p.specificity() > best.specificity())) {
                best = p;
            }
        }
        return best;
    }

    private static boolean same(String a, String b) {
        return b != null && a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }
}
