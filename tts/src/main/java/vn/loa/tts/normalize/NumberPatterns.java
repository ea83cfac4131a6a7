package vn.loa.tts.normalize;

/**
 * Regular-expression pieces for numbers as Vietnamese text writes them, shared by the rules that read a number
 * followed by something (a unit, a currency, a percent sign).
 */
final class NumberPatterns {

    /**
     * "1.500.000", "2,5", "1.234,56", "15": dots group thousands, a comma starts the decimals. At most six groups
     * (10^21): Java's regex engine recurses once per repeated group, so repetitions are bounded everywhere.
     */
    static final String BARE_NUMBER = "(\\d{1,3}(?:\\.\\d{3}){1,6}(?:,\\d+)?|\\d+(?:,\\d+)?)(?![.,]?\\d)";

    /** {@link #BARE_NUMBER} not preceded by a digit, dot or comma, so that it never starts inside another number. */
    static final String NUMBER = "(?<![\\d.,])" + BARE_NUMBER;

    private NumberPatterns() {
    }
}
