package vn.loa.tts.engine;

import java.util.Objects;

/**
 * A voice a notice may name, as offered to clerks: {@code GET /api/v1/tts/voices}.
 *
 * @param id the engine's voice name, which notices and previews give ("vi", "kevin16")
 * @param language what it speaks, so the text is normalised for it
 * @param engine the engine that speaks it first ("espeak-ng", "freetts", "fpt-ai")
 * @param label what a clerk sees, in Vietnamese ("Giọng miền Bắc")
 */
public record Voice(String id, Language language, String engine, String label) {

    public Voice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(label, "label");
    }
}
