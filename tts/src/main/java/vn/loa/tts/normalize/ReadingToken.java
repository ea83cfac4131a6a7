package vn.loa.tts.normalize;

import java.util.Objects;

/**
 * One written token of a notice and how it is read: the unit of {@code tokens: [{text, kind, reading}]} in
 * {@code POST /api/v1/tts/normalize}.
 *
 * @param text the words as written (after legacy encodings are converted), one or more whitespace-separated words
 * @param kind what they were read as
 * @param reading the words said for them; empty when they are not said (a list marker, a stray symbol)
 */
public record ReadingToken(String text, TokenKind kind, String reading) {

    public ReadingToken {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reading, "reading");
    }
}
