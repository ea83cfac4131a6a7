package vn.loa.tts.normalize;

/**
 * The pauses of a spoken notice: after each sentence by its punctuation, longer after a heading or a list item,
 * and exactly as long as a clerk's {@code [nghỉ 2 giây]} mark; in milliseconds at the normal speaking rate.
 *
 * <p>Stateless. Inside the normaliser a pause travels as one private-use character that the rules leave alone
 * (the sanitizer removes any a clerk could type), so the sentence splitter, which runs last, knows where a heading
 * or an item ended and how long the clerk asked to wait.
 */
public final class Pauses {

    /** After a sentence that ends with ".", "!" or "?". */
    public static final int SENTENCE = 450;
    /** After an ellipsis: the announcer lets the words hang. */
    public static final int ELLIPSIS = 700;
    /** Where a long sentence was cut at a comma, or a clerk's mark cut one. */
    public static final int COMMA = 200;
    /** After a list item ("+ Mang theo CCCD"), so the items are heard as separate. */
    public static final int LIST_ITEM = 650;
    /** After a heading ("III. NỘI DUNG"), the longest a structure asks for. */
    public static final int HEADING = 900;
    /** The longest pause a clerk's mark may ask for. */
    public static final int LONGEST_MARK = 10_000;

    static final char HEADING_MARK = '\uE001';
    static final char ITEM_MARK = '\uE002';
    /** A clerk's pause of n tenths of a second is this plus n. */
    private static final char CLERK_BASE = '\uE100';

    private Pauses() {
    }

    /** The pause after a sentence by its last punctuation mark alone. */
    public static int afterSentence(String sentence) {
        String s = sentence.strip();
        if (s.endsWith("...") || s.endsWith("…")) {
            return ELLIPSIS;
        }
        return s.endsWith(",") || s.endsWith(";") ? COMMA : SENTENCE;
    }

    /** The marker of a clerk's pause, rounded to a tenth of a second, at least one tenth and at most ten seconds. */
    static char clerkMark(int millis) {
        return (char) (CLERK_BASE + Math.max(1, Math.min(LONGEST_MARK, millis) / 100));
    }

    static boolean isMark(char c) {
        return c == HEADING_MARK || c == ITEM_MARK || (c > CLERK_BASE && c <= CLERK_BASE + LONGEST_MARK / 100);
    }

    /** The pause a marker asks for. */
    static int millisOf(char mark) {
        return switch (mark) {
            case HEADING_MARK -> HEADING;
            case ITEM_MARK -> LIST_ITEM;
            default -> (mark - CLERK_BASE) * 100;
        };
    }
}
