package vn.loa.tts.normalize;

import java.util.Locale;

/**
 * What a written token was read as: the class of the rule that read it, shown to a clerk beside its reading so that
 * a wrong reading can be traced to its cause ("30-4" read as a {@link #RANGE} where a {@link #DATE} was meant).
 */
public enum TokenKind {
    /** Left as written: a plain word. */
    WORD,
    /** Read by the unit's own dictionary (a clerk's override, applied before every built-in rule). */
    OVERRIDE,
    /** A numbered or Roman-numbered heading ("III.", "2)"). */
    HEADING,
    /** A list marker ("-", "+", "•", "b)"), dropped. */
    BULLET,
    URL,
    /** A document or law number ("13/2023/NĐ-CP", "/QH15"). */
    DOCUMENT,
    PHONE,
    /** A vehicle plate ("30G-123.45"). */
    PLATE,
    /** A road class and number ("QL 1A", "ĐT 605"). */
    ROAD,
    DATE,
    TIME,
    /** Two numbers with "đến" between them ("4-6 ngày"). */
    RANGE,
    /** "X phần Y" ("1/3 số thôn"). */
    FRACTION,
    /** "X trên Y": a count out of a total, a score, a rota, an address ("12/12 thôn", "24/7"). */
    RATIO,
    /** A price per something ("đ/hộ/tháng"). */
    RATE,
    MONEY,
    PERCENT,
    /** A quantity with its unit ("5 ha", "2x2 m", "km2"). */
    MEASURE,
    /** An ordinal or a Roman numeral after a word like "khóa" or "thứ". */
    ORDINAL,
    /** An abbreviation from the dictionary, or read by its context ("BCH quân sự"). */
    ABBREVIATION,
    /** An unknown acronym, spelled letter by letter. */
    SPELLED,
    /** A number read as a cardinal. */
    NUMBER,
    /** A symbol said as a word ("&", "%") or dropped. */
    SYMBOL;

    /** The name in the API: lower case ("date", "abbreviation"). */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
