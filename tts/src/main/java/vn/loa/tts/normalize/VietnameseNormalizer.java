package vn.loa.tts.normalize;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Vietnamese text normaliser: turns a notice as a clerk types it into the words an announcer would say, cut into
 * sentences.
 *
 * <p>Immutable and thread-safe; build one per reading style and abbreviation dictionary and share it. Pure Java,
 * no I/O. The rules run in the order below, each leaving what it does not know for the rules after it.
 *
 * <pre>{@code
 * VietnameseNormalizer normalizer = VietnameseNormalizer.create();
 * Normalized n = normalizer.normalize("UBND xã thông báo: 7h30 ngày 28/11/2026 họp tại NVH thôn 3.");
 * n.sentences(); // ["ủy ban nhân dân xã thông báo: bảy giờ ba mươi phút ngày hai mươi tám tháng mười một ..."]
 * }</pre>
 */
public final class VietnameseNormalizer {

    /** Longer notices are refused: at espeak-ng's pace 100,000 characters are already more than two hours of speech. */
    public static final int MAX_LENGTH = 100_000;

    private final TextSanitizer sanitizer = new TextSanitizer();
    private final LegacyEncodingConverter legacy = new LegacyEncodingConverter();
    private final List<TextRule> rules;
    private final SentenceSplitter splitter = new SentenceSplitter();
    private final ReadingStyle style;
    private final AbbreviationDictionary dictionary;

    private VietnameseNormalizer(ReadingStyle style, AbbreviationDictionary dictionary) {
        this.style = Objects.requireNonNull(style, "style");
        this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
        NumberReader numbers = new NumberReader(style);
        this.rules = List.of(
                new ListMarkerReader(),                          // before anything takes "1." or "- 5" apart
                new WebAddressReader(),                          // its dots are not decimal points
                new DocumentNumberReader(numbers, dictionary),   // "13/2023/NĐ-CP" before dates see "13/2023"
                new PhoneNumberReader(numbers),                  // "0912.345.678" before thousands separators
                new DateExpander(numbers, new CalendarWords(numbers, style)),
                new TimeExpander(numbers),                       // "14h-16h30" before the range rule
                new RangeExpander(),                             // leaves digits: "100 đến 150mm"
                new RateReader(dictionary),                      // "đ/hộ/tháng" before money and units
                new MoneyAndPercentReader(numbers),
                new UnitReader(numbers),
                new OrdinalReader(numbers),                      // "thứ IV", "khóa XX"
                new AbbreviationExpander(dictionary),            // after the numbers that contain dots and dashes
                new AcronymSpeller(),                            // what the dictionary did not know
                new CardinalExpander(numbers),                   // every number still written in digits
                new SymbolReader());
    }

    /**
     * Applies a rule, or leaves the text as it was if the rule's regular expression runs out of stack on some
     * pathological input. Every repetition in the rules is bounded so this should not happen; this is the guarantee
     * that a notice is never refused because of it.
     */
    private static String applySafely(TextRule rule, String text) {
        try {
            return rule.apply(text);
        } catch (StackOverflowError e) {
            return text;
        }
    }

    /** A normaliser with {@link ReadingStyle#standard()} and the default abbreviations. */
    public static VietnameseNormalizer create() {
        return new VietnameseNormalizer(ReadingStyle.standard(), AbbreviationDictionary.defaults());
    }

    public static VietnameseNormalizer create(ReadingStyle style, AbbreviationDictionary dictionary) {
        return new VietnameseNormalizer(style, dictionary);
    }

    /** A normaliser like this one that also knows a commune's own abbreviations (they win over the defaults). */
    public VietnameseNormalizer withAbbreviations(Map<String, String> extra) {
        return new VietnameseNormalizer(style, dictionary.with(extra));
    }

    public ReadingStyle style() {
        return style;
    }

    public AbbreviationDictionary dictionary() {
        return dictionary;
    }

    /**
     * Normalises a notice.
     *
     * @param text what the clerk typed or pasted; null is treated as empty
     * @return the spoken text and its sentences; empty when there is nothing to say
     * @throws TextTooLongException if the text is longer than {@link #MAX_LENGTH} characters
     */
    public Normalized normalize(String text) {
        if (text == null || text.isEmpty()) {
            return Normalized.of(List.of());
        }
        if (text.length() > MAX_LENGTH) {
            throw new TextTooLongException(text.length(), MAX_LENGTH);
        }
        String spoken = sanitizer.clean(legacy.convert(text));
        for (TextRule rule : rules) {
            spoken = applySafely(rule, spoken);
        }
        return Normalized.of(splitter.split(spoken));
    }
}
