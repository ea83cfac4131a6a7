package vn.loa.server.alert;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What one airing of a CAP alert reads, in which language, to which zones (ADR 0051): for each group of zones that
 * hear the same languages, one part per language in the group's order, each from the {@code <info>} block in that
 * language. Vietnamese comes first; a message without a Vietnamese block has its first block read in that place, as
 * Loa always did. A language the zones need but the message lacks, or one no voice speaks, is a part not spoken, and
 * the answer says why. Pure.
 */
final class AlertLanguagesPlan {

    /**
     * One part: a block for some zones.
     *
     * @param voice  the voice to read it (null: the default Vietnamese voice)
     * @param reason why it is not spoken ({@code no_block}, {@code no_voice}), null when it is
     */
    record Part(String language, List<String> zones, CapAlert.Info info, String voice, String reason) {
        boolean spoken() {
            return reason == null;
        }
    }

    private AlertLanguagesPlan() {
    }

    /**
     * @param groups  the zones reached, by the languages they hear (Vietnamese first)
     * @param voiceOf the voice that speaks a language other than Vietnamese, if any
     */
    static List<Part> parts(List<CapAlert.Info> infos, Map<List<String>, List<String>> groups,
            Function<String, Optional<String>> voiceOf) {
        List<Part> parts = new ArrayList<>();
        for (Map.Entry<List<String>, List<String>> group : groups.entrySet()) {
            Set<String> done = new LinkedHashSet<>();
            for (String language : group.getKey()) {
                if (done.contains(language)) {
                    continue;
                }
                CapAlert.Info info = block(infos, language);
                if (info == null && language.equals(ZoneLanguages.VIETNAMESE) && !infos.isEmpty()) {
                    // No Vietnamese block: the first block takes its place, in its own language's voice if there is one.
                    info = infos.get(0);
                    String own = ZoneLanguages.primary(info.language());
                    done.add(own);
                    parts.add(new Part(own, group.getValue(), info, voiceOf.apply(own).orElse(null), null));
                    continue;
                }
                done.add(language);
                if (info == null) {
                    parts.add(new Part(language, group.getValue(), null, null, "no_block"));
                } else if (language.equals(ZoneLanguages.VIETNAMESE)) {
                    parts.add(new Part(language, group.getValue(), info, null, null));
                } else {
                    Optional<String> voice = voiceOf.apply(language);
                    parts.add(new Part(language, group.getValue(), info, voice.orElse(null),
                            voice.isPresent() ? null : "no_voice"));
                }
            }
        }
        return parts;
    }

    /** The first block in {@code language}, or null. */
    static CapAlert.Info block(List<CapAlert.Info> infos, String language) {
        return infos.stream().filter(i -> ZoneLanguages.primary(i.language()).equals(language)).findFirst()
                .orElse(null);
    }

    /** The report of the parts: {language, zones, spoken, reason?, announcement?}; {@code ids} are the spoken ones'. */
    static JsonArray report(List<Part> parts, List<Long> ids) {
        JsonArray out = new JsonArray();
        int spoken = 0;
        for (Part p : parts) {
            JsonObject j = new JsonObject().put("language", p.language()).put("zones", new JsonArray(p.zones()))
                    .put("spoken", p.spoken());
            if (p.spoken()) {
                if (spoken < ids.size()) {
                    j.put("announcement", ids.get(spoken));
                }
                spoken++;
            } else {
                j.put("reason", p.reason());
            }
            out.add(j);
        }
        return out;
    }
}
