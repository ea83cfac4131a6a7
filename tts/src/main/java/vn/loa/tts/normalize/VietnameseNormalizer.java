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
public final class VietnameseNormalizer implements TextNormalizer {

    private final RuleChain chain;
    private final ReadingStyle style;
    private final AbbreviationDictionary dictionary;

    private final Map<String, String> readings;

    private VietnameseNormalizer(ReadingStyle style, AbbreviationDictionary dictionary, Map<String, String> readings) {
        this.style = Objects.requireNonNull(style, "style");
        this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
        this.readings = Map.copyOf(readings);
        NumberReader numbers = new NumberReader(style);
        TextSanitizer sanitizer = new TextSanitizer();
        LegacyEncodingConverter legacy = new LegacyEncodingConverter();
        this.chain = new RuleChain(text -> sanitizer.clean(legacy.convert(text)), List.of(
                new InlineMarks(),                                 // the clerk's marks in this notice win over all
                new ClerkReadings(readings),                       // the unit's own readings win over every rule
                new ListMarkerReader(numbers::cardinal),           // before anything takes "1." or "- 5" apart
                new WebAddressReader(WebAddressReader.Words.VIETNAMESE), // its dots are not decimal points
                new DocumentNumberReader(numbers, dictionary),     // "13/2023/NĐ-CP" before dates see "13/2023"
                new PhoneNumberReader(PhoneNumberReader.Words.vietnamese(numbers)), // "0912.345.678" before "."
                new VehiclePlateReader(numbers),                   // "30G-123.45": not a range, not a decimal
                new RoadNumberReader(numbers),                     // "ĐT 605" after phones took "ĐT 0912..."
                new ShorthandReader(),                             // "5tr", "2x2 m", "v.v.", "ông." as words
                new ScoreReader(numbers),                          // "thắng 3/1" before dates see "3/1"
                new DateExpander(numbers, new CalendarWords(numbers, style)),
                new TimeExpander(numbers),                         // "14h-16h30" before the range rule
                new RangeExpander("đến"),                          // leaves digits: "100 đến 150mm"
                new RateReader(dictionary),                        // "đ/hộ/tháng" before money and units
                new MoneyAndPercentReader(numbers),
                new UnitReader(numbers),
                new OrdinalReader(numbers),                        // "thứ IV", "khóa XX"
                new ContextualAbbreviations(),                     // "BCH quân sự" before the dictionary's "BCH"
                new AbbreviationExpander(dictionary),              // after the numbers that contain dots and dashes
                new AcronymSpeller(),                              // what the dictionary did not know
                new CardinalExpander(numbers),                     // every number still written in digits
                new SymbolReader(SymbolReader.VIETNAMESE)));
    }

    /** A normaliser with {@link ReadingStyle#standard()} and the default abbreviations. */
    public static VietnameseNormalizer create() {
        return new VietnameseNormalizer(ReadingStyle.standard(), AbbreviationDictionary.defaults(), Map.of());
    }

    public static VietnameseNormalizer create(ReadingStyle style, AbbreviationDictionary dictionary) {
        return new VietnameseNormalizer(style, dictionary, Map.of());
    }

    /** A normaliser like this one that also knows a commune's own abbreviations (they win over the defaults). */
    public VietnameseNormalizer withAbbreviations(Map<String, String> extra) {
        return new VietnameseNormalizer(style, dictionary.with(extra), readings);
    }

    /**
     * A normaliser like this one that reads a unit's own words its way, before any built-in rule (a clerk's
     * override, shown as {@link TokenKind#OVERRIDE}): a word or phrase, with {@code #} for a number, and what to say
     * ("Nà Pồng" → "Nà Pồng"; "Tổ #" → "tổ dân phố #"). Single words also join the abbreviation dictionary, so a
     * document's issuer or a rate's unit written with them is read the same way.
     *
     * @throws IllegalArgumentException if an entry or its reading is blank
     */
    public VietnameseNormalizer withReadings(Map<String, String> entries) {
        Map<String, String> merged = new java.util.LinkedHashMap<>(readings);
        Map<String, String> words = new java.util.LinkedHashMap<>();
        entries.forEach((written, spoken) -> {
            if (written == null || written.isBlank() || spoken == null || spoken.isBlank()) {
                throw new IllegalArgumentException("a reading needs a written form and a spoken form, got '"
                        + written + "' -> '" + spoken + "'");
            }
            merged.put(written.strip(), spoken.strip());
            if (written.strip().chars().noneMatch(c -> Character.isWhitespace(c) || c == '#')) {
                words.put(written.strip(), spoken.strip());
            }
        });
        return new VietnameseNormalizer(style, dictionary.with(words), merged);
    }

    /** The unit's own readings this normaliser applies first (see {@link #withReadings(Map)}). */
    public Map<String, String> readings() {
        return readings;
    }

    public ReadingStyle style() {
        return style;
    }

    public AbbreviationDictionary dictionary() {
        return dictionary;
    }

    @Override
    public Normalized normalize(String text) {
        return chain.normalize(text);
    }

    @Override
    public Explanation explain(String text) {
        return chain.explain(text);
    }
}
