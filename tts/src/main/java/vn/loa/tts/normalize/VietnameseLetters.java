package vn.loa.tts.normalize;

/**
 * Facts about the Vietnamese alphabet that the legacy-encoding detector relies on.
 *
 * <p>Stateless.
 */
final class VietnameseLetters {

    private static final String LATIN1_VIETNAMESE = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý";

    private VietnameseLetters() {
    }

    /** Whether a Latin-1 character is also a letter of correct Unicode Vietnamese (so proves nothing). */
    static boolean isLatin1Vietnamese(char c) {
        return LATIN1_VIETNAMESE.indexOf(c) >= 0;
    }

    /**
     * Whether the character only occurs in Unicode Vietnamese: ă, đ, ơ, ư, ĩ, ũ, the toned letters of the Latin
     * Extended Additional block, or a combining mark of decomposed text. One such character means the line is
     * already Unicode and must not be converted.
     */
    static boolean isUnicodeOnly(char c) {
        return (c >= 0x1EA0 && c <= 0x1EF9)
                || (c >= 0x0300 && c <= 0x036F)
                || "ĂăĐđƠơƯưĨĩŨũ".indexOf(c) >= 0;
    }

    static boolean isVowel(char c) {
        return "aeiouyAEIOUY".indexOf(c) >= 0;
    }
}
