package vn.loa.plugins.iotalerts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import vn.loa.plugin.Alert;

/**
 * The rules and where each one stands (armed or tripped, last value): a reading goes in, at most one alert per rule
 * and event comes out. Pure and synchronized: the MQTT client's thread feeds it, the plugin's routes read it.
 */
final class RuleBook {

    /** Where a rule stands; {@code trippedAt} is null while it is armed. */
    record State(Rule rule, Double lastValue, Instant trippedAt) {
    }

    private final Map<String, State> states = new LinkedHashMap<>();

    RuleBook(List<Rule> rules, Map<String, Instant> tripped) {
        for (Rule r : rules) {
            states.put(r.id(), new State(r, null, tripped.get(r.id())));
        }
    }

    /** Evaluates a message on {@code topic}; returns the alerts of the rules it tripped. */
    synchronized List<Alert> reading(String topic, String payload, Instant at) {
        List<Alert> alerts = new java.util.ArrayList<>();
        for (State s : List.copyOf(states.values())) {
            Rule rule = s.rule();
            if (!TopicFilter.matches(rule.topic(), topic)) {
                continue;
            }
            OptionalDouble parsed = Readings.value(payload, rule.field());
            if (parsed.isEmpty()) {
                continue;
            }
            double value = parsed.getAsDouble();
            Instant trippedAt = s.trippedAt();
            if (trippedAt == null && rule.trips(value)) {
                trippedAt = at;
                alerts.add(rule.alert(rule.id() + "@" + at, value));
            } else if (trippedAt != null && rule.clears(value)) {
                trippedAt = null;
            }
            states.put(rule.id(), new State(rule, value, trippedAt));
        }
        return alerts;
    }

    synchronized List<State> states() {
        return List.copyOf(states.values());
    }

    /** The rules that are tripped now, with when: kept across restarts so a flood still high is not a new event. */
    synchronized Map<String, Instant> tripped() {
        Map<String, Instant> out = new LinkedHashMap<>();
        states.forEach((id, s) -> Optional.ofNullable(s.trippedAt()).ifPresent(t -> out.put(id, t)));
        return out;
    }
}
