package vn.loa.tts.engine;

import java.util.Arrays;

/** The language a voice speaks, which decides how a notice is normalised before that voice reads it. */
public enum Language {
    VIETNAMESE("vi"),
    ENGLISH("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** The ISO 639-1 code, as the API writes it. */
    public String code() {
        return code;
    }

    /** The language with this code, or null when there is none. */
    public static Language ofCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst().orElse(null);
    }
}
