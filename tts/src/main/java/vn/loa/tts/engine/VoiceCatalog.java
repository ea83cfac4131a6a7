package vn.loa.tts.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The voices an announcer offers, in the order clerks see them, each with its language.
 *
 * <p>Immutable. A voice missing from the catalogue is taken as Vietnamese: the cloud services' voices (FPT.AI,
 * Viettel AI, Zalo AI) all are.
 */
public final class VoiceCatalog {

    /** espeak-ng's voices. */
    public static final List<Voice> ESPEAK = List.of(
            new Voice("vi", Language.VIETNAMESE, "espeak-ng", "Giọng miền Bắc"),
            new Voice("vi-vn-x-central", Language.VIETNAMESE, "espeak-ng", "Giọng miền Trung"),
            new Voice("vi-vn-x-south", Language.VIETNAMESE, "espeak-ng", "Giọng miền Nam"),
            new Voice("en", Language.ENGLISH, "espeak-ng", "Tiếng Anh (espeak-ng)"),
            new Voice("en-us", Language.ENGLISH, "espeak-ng", "Tiếng Anh Mỹ (espeak-ng)"));
    /** FreeTTS's one usable voice. */
    public static final Voice KEVIN = new Voice("kevin16", Language.ENGLISH, "freetts", "Tiếng Anh, giọng nam Kevin");
    /** Embedded MaryTTS's English voice. */
    public static final Voice MARY_SLT = new Voice("cmu-slt-hsmm", Language.ENGLISH, "marytts-embedded",
            "Tiếng Anh, giọng nữ (MaryTTS)");

    private final Map<String, Voice> byId = new LinkedHashMap<>();

    private VoiceCatalog(Collection<Voice> voices) {
        voices.forEach(v -> byId.putIfAbsent(v.id(), v));
    }

    public static VoiceCatalog of(Collection<Voice> voices) {
        return new VoiceCatalog(voices);
    }

    /** Every voice the tts module knows: espeak-ng's, FreeTTS's and embedded MaryTTS's. */
    public static VoiceCatalog standard() {
        List<Voice> all = new ArrayList<>(ESPEAK);
        all.add(KEVIN);
        all.add(MARY_SLT);
        return new VoiceCatalog(all);
    }

    public List<Voice> all() {
        return List.copyOf(byId.values());
    }

    public Set<String> ids() {
        return Set.copyOf(byId.keySet());
    }

    /** The voice with this id, or null. */
    public Voice find(String id) {
        return byId.get(id);
    }

    /** The language of a voice; Vietnamese for one not in the catalogue. */
    public Language languageOf(String id) {
        Voice voice = byId.get(id);
        return voice == null ? Language.VIETNAMESE : voice.language();
    }
}
