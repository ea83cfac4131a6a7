package vn.loa.scheduler.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.loa.scheduler.session.PlannedItem.ItemKind;

/**
 * A session's run order: the template's parts filled from the day's material, each item at its planned offset. Fixed
 * times (a relay's, and the session's end for its closing jingles) are kept by the template's {@link OverrunRule};
 * a gap before a fixed time is silence. Pure: the same template and material give the same run order.
 *
 * @param dropped titles of items the overrun rule left out (they stay waiting for another session)
 * @param late how far the last fixed time was missed under {@link OverrunRule#PUSH}
 */
public record RunOrder(List<PlannedItem> items, List<String> dropped, Duration late) {

    /** Plans {@code template}'s session from {@code material}, smart blocks judging ages at {@code now}. */
    public static RunOrder plan(SessionTemplate template, Material material, Instant now) {
        return new Planner(template, material, now).plan();
    }

    /** The planned length: where the last item ends. */
    public Duration length() {
        return items.isEmpty() ? Duration.ZERO : items.get(items.size() - 1).end();
    }

    /**
     * How long item {@code index} may play when it starts at {@code position} on the air: a cut item its planned
     * length; under {@link OverrunRule#CUT} no later than the next fixed time; otherwise to its own end (null).
     */
    public Duration limit(int index, Duration position, OverrunRule rule) {
        PlannedItem item = items.get(index);
        Duration limit = item.cut() ? item.length() : null;
        if (rule == OverrunRule.CUT) {
            for (int i = index + 1; i < items.size(); i++) {
                if (items.get(i).fixed()) {
                    Duration left = items.get(i).offset().minus(position);
                    left = left.isNegative() ? Duration.ZERO : left;
                    limit = limit == null || left.compareTo(limit) < 0 ? left : limit;
                    break;
                }
            }
        }
        return limit;
    }

    /** The silence the air keeps before item {@code index} at {@code position}: only a fixed item waits. */
    public Duration waitBefore(int index, Duration position) {
        PlannedItem item = items.get(index);
        return item.fixed() && item.offset().compareTo(position) > 0 ? item.offset().minus(position) : Duration.ZERO;
    }

    /** The planning itself: one pass over the parts. */
    private static final class Planner {
        private final SessionTemplate template;
        private final Material material;
        private final Instant now;
        private final List<PlannedItem> items = new ArrayList<>();
        private final List<String> dropped = new ArrayList<>();
        private final java.util.Set<String> used = new java.util.HashSet<>();
        private Duration offset = Duration.ZERO;
        private Duration late = Duration.ZERO;
        private final int tailStart;

        Planner(SessionTemplate template, Material material, Instant now) {
            this.template = template;
            this.material = material;
            this.now = now;
            // The closing jingles end the session at its end: they form the tail, whose start is a fixed time.
            int tail = template.parts().size();
            while (tail > 0 && template.parts().get(tail - 1).kind() == PartKind.JINGLE) {
                tail--;
            }
            this.tailStart = tail == 0 ? template.parts().size() : tail;
        }

        RunOrder plan() {
            List<SessionPart> parts = template.parts();
            for (int i = 0; i < parts.size(); i++) {
                if (i == tailStart) {
                    keep(anchor(i), false);
                }
                SessionPart part = parts.get(i);
                switch (part.kind()) {
                    case JINGLE -> add(ItemKind.JINGLE, part.audioId(), "Nhạc hiệu", material.lengthOf(part.audioId()),
                            false);
                    case RECORDING -> add(ItemKind.RECORDING, part.audioId(), "Chương trình ghi âm",
                            material.lengthOf(part.audioId()), false);
                    case TIME_SIGNAL -> add(ItemKind.TIME_SIGNAL, template.timeSignal(), "Báo giờ",
                            material.spoken(template.timeSignal()), false);
                    case NOTICES -> material.notices().forEach(n -> add(ItemKind.NOTICE, Long.toString(n.id()),
                            n.title(), n.length(), false));
                    case SMART_BLOCK -> block(i, part);
                    case RELAY -> {
                        if (part.at() != null) {
                            keep(anchor(i), true);
                        }
                        add(ItemKind.RELAY, part.url(), "Tiếp sóng", part.length(), part.at() != null);
                    }
                }
            }
            return new RunOrder(List.copyOf(items), List.copyOf(dropped), late);
        }

        /** Where part {@code i} must start: a relay its time; the tail the session's end less its own length. */
        private Duration anchor(int i) {
            SessionPart part = i < template.parts().size() ? template.parts().get(i) : null;
            if (part != null && part.kind() == PartKind.RELAY && part.at() != null) {
                return Duration.between(template.start(), part.at());
            }
            Duration tail = Duration.ZERO;
            for (int j = tailStart; j < template.parts().size(); j++) {
                tail = tail.plus(material.lengthOf(template.parts().get(j).audioId()));
            }
            return template.length().minus(tail);
        }

        private void block(int index, SessionPart part) {
            Duration slot = part.length();
            if (slot == null) {
                // Up to the next fixed time, less what the parts between take.
                int next = index + 1;
                Duration between = Duration.ZERO;
                while (next < template.parts().size() && next != tailStart && !fixedRelay(next)) {
                    between = between.plus(estimate(template.parts().get(next)));
                    next++;
                }
                slot = anchor(next).minus(offset).minus(between);
            }
            Duration jingle = template.betweenJingle() == null ? Duration.ZERO
                    : material.lengthOf(template.betweenJingle());
            // A recording airs once per session, whatever the blocks' no-repeat periods say.
            List<Recording> unused = material.library().stream().filter(r -> !used.contains(r.id())).toList();
            SmartBlock.Fill fill = SmartBlock.fill(unused, part.rule(), slot, jingle, now);
            fill.picked().forEach(r -> used.add(r.id()));
            for (int k = 0; k < fill.picked().size(); k++) {
                if (k > 0 && !jingle.isZero()) {
                    add(ItemKind.JINGLE, template.betweenJingle(), "Nhạc chuyển", jingle, false);
                }
                Recording r = fill.picked().get(k);
                add(ItemKind.RECORDING, r.id(), r.name(), r.length(), false);
            }
        }

        private boolean fixedRelay(int i) {
            SessionPart part = template.parts().get(i);
            return part.kind() == PartKind.RELAY && part.at() != null;
        }

        /** A part's length before planning; a smart block without a length counts nothing (the first one fills). */
        private Duration estimate(SessionPart part) {
            return switch (part.kind()) {
                case JINGLE, RECORDING -> material.lengthOf(part.audioId());
                case TIME_SIGNAL -> material.spoken(template.timeSignal());
                case NOTICES -> material.notices().stream().map(Notice::length).reduce(Duration.ZERO, Duration::plus);
                case SMART_BLOCK -> part.length() == null ? Duration.ZERO : part.length();
                case RELAY -> part.length();
            };
        }

        /** Meets a fixed time: silence up to it when early (if {@code pad}), the overrun rule when late. */
        private void keep(Duration anchor, boolean pad) {
            if (offset.compareTo(anchor) < 0 && pad) {
                add(ItemKind.SILENCE, "", "Khoảng lặng", anchor.minus(offset), false);
            } else if (offset.compareTo(anchor) > 0) {
                if (template.overrun() == OverrunRule.PUSH) {
                    late = offset.minus(anchor);
                    return;
                }
                while (!items.isEmpty() && items.get(items.size() - 1).offset().compareTo(anchor) >= 0) {
                    dropped.add(items.remove(items.size() - 1).title());
                }
                if (!items.isEmpty()) {
                    PlannedItem last = items.remove(items.size() - 1);
                    items.add(last.cutTo(anchor.minus(last.offset())));
                }
                offset = anchor;
            }
        }

        private void add(ItemKind kind, String ref, String title, Duration length, boolean fixed) {
            items.add(new PlannedItem(kind, ref, title, offset, length, fixed, false));
            offset = offset.plus(length);
        }
    }
}
