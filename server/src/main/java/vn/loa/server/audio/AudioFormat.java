package vn.loa.server.audio;

import java.util.Optional;

/** The recorded-programme formats Loa accepts, told apart by their first bytes (never by the name the client sent). */
public enum AudioFormat {
    MP3("mp3", "audio/mpeg"), WAV("wav", "audio/wav"), OGG("ogg", "audio/ogg"), M4A("m4a", "audio/mp4");

    /** How many leading bytes {@link #sniff} needs. */
    static final int HEAD = 12;

    private final String extension;
    private final String mediaType;

    AudioFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** The Content-Type a browser plays it by. */
    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The format whose signature starts {@code head}; empty for anything else (a picture, a document, text...). */
    static Optional<AudioFormat> sniff(byte[] head, int length) {
        if (length >= 12 && ascii(head, 0, "RIFF") && ascii(head, 8, "WAVE")) {
            return Optional.of(WAV);
        }
        if (length >= 4 && ascii(head, 0, "OggS")) {
            return Optional.of(OGG);
        }
        if (length >= 8 && ascii(head, 4, "ftyp")) {
            return Optional.of(M4A);
        }
        // An ID3v2 tag, or an MPEG audio frame sync (11 set bits) with layer bits not "reserved".
        if (length >= 3 && ascii(head, 0, "ID3")
                || length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0 && (head[1] & 0x06) != 0) {
            return Optional.of(MP3);
        }
        return Optional.empty();
    }

    private static boolean ascii(byte[] bytes, int at, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (bytes[at + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
