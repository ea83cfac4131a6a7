package vn.loa.tts.normalize;

import java.util.stream.Collectors;

/**
 * Finds lines of TCVN3 (ABC) or VNI-Windows text pasted from old documents and converts them to Unicode.
 *
 * <p>Stateless. Decides line by line, because a clerk often pastes one old paragraph into a new notice. A line that
 * contains any letter only Unicode Vietnamese has (ă, đ, ơ, ư, ạ, ...) or a combining mark is never touched, so correct
 * Unicode text cannot be "converted"; otherwise the line is scored for each encoding's tell-tale characters. A line
 * with one foreign name ("Müller")
 * scores nothing in either.
 */
final class LegacyEncodingConverter {

    /** The encoding a line was found to be in. */
    enum Encoding { UNICODE, TCVN3, VNI }

    String convert(String text) {
        if (text.chars().noneMatch(c -> c >= 0xA1 && c <= 0xFF)) {
            return text; // the common case: nothing a legacy encoding could have produced
        }
        return text.lines().map(this::convertLine).collect(Collectors.joining("\n"))
                + (text.endsWith("\n") ? "\n" : "");
    }

    Encoding detect(String line) {
        int strong = 0;
        int weak = 0;
        int wordsWithTell = 0;
        boolean tellInWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (VietnameseLetters.isUnicodeOnly(c)) {
                return Encoding.UNICODE;
            }
            if (Character.isWhitespace(c)) {
                tellInWord = false;
            }
            if (Tcvn3Charset.isStrongTell(c) || Tcvn3Charset.isCapitalInsideWord(line, i)) {
                strong++;
            } else if (Tcvn3Charset.isTell(c)) {
                weak++;
                wordsWithTell += tellInWord ? 0 : 1;
                tellInWord = true;
            }
        }
        // Most TCVN3 text has a letter from 0xA1-0xBF (ă â ê ô ơ ư đ, a with a tone) or a toned small letter coded as
        // a capital in mid-word ("tiÕp"); without either, three words with codes no Vietnamese letter has ("Tæ
        // chøc häp") still tell, while one or two foreign names ("Müller", "Zoë") do not.
        int tcvn = strong > 0 ? 2 * strong + weak : wordsWithTell >= 3 ? weak : 0;
        int vni = VniCharset.score(line);
        if (tcvn == 0 && vni == 0) {
            return Encoding.UNICODE;
        }
        return tcvn >= vni ? Encoding.TCVN3 : Encoding.VNI;
    }

    private String convertLine(String line) {
        return switch (detect(line)) {
            case UNICODE -> line;
            case TCVN3 -> Tcvn3Charset.decode(line);
            case VNI -> VniCharset.decode(line);
        };
    }
}
