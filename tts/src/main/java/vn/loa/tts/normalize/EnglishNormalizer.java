package vn.loa.tts.normalize;

import java.util.List;
import java.util.Map;

/**
 * The English text normaliser, for notices in tourist areas: numbers, dates, times, money in dong, phone numbers,
 * units and common abbreviations become the words an English voice should say, cut into sentences.
 *
 * <p>Immutable and thread-safe; pure Java, no I/O. Shares the Vietnamese normaliser's sanitizer, list markers, web
 * addresses, phone numbers, ranges, symbols and sentence splitter, each with English words; the rules run in the
 * order below. Notices written in Vietnam keep Vietnamese habits, and these are read too: "7h30", "28/11/2026" day
 * first, "50.000đ", "1.500" with a dot between thousands.
 *
 * <pre>{@code
 * EnglishNormalizer.create().normalize("Boats leave at 7h30 on 2/9, tickets 150,000 VND.").sentences();
 * // ["Boats leave at seven thirty on the second of September, tickets one hundred and fifty thousand dong."]
 * }</pre>
 */
public final class EnglishNormalizer implements TextNormalizer {

    private static final WebAddressReader.Words WEB = new WebAddressReader.Words("dot", "at", "slash", Map.of(
            "vn", "V N", "gov", "gov", "com", "com", "net", "net", "org", "org", "edu", "E D U", "www", "W W W",
            "info", "info"));

    private final RuleChain chain;

    private EnglishNormalizer() {
        EnglishNumbers numbers = new EnglishNumbers();
        this.chain = new RuleChain(new TextSanitizer()::clean, List.of(
                new ListMarkerReader(numbers::cardinal),           // before "1." or "- 5" are taken apart
                new WebAddressReader(WEB),                         // its dots are not decimal points
                new PhoneNumberReader(new PhoneNumberReader.Words(numbers::digits, "plus",
                        java.util.Set.of("account", "no", "number", "card", "id", "code"),
                        java.util.Set.of("call", "dial", "hotline", "phone", "tel", "telephone", "emergency", "ring"),
                        48, java.util.Set.of("police", "ambulance", "fire"))), // "call 115 for an ambulance or 114 for fire"
                new EnglishDateReader(numbers),                    // "28/11/2026" before the range and number rules
                new EnglishClockReader(numbers),                   // "14:00-16:30", "2-4pm" before ranges
                new RangeExpander("to"),                           // leaves digits: "100 to 150mm"
                new EnglishMeasureReader(numbers),                 // money, percentages, units
                new EnglishWordReader(numbers),                    // abbreviations, ordinals, years, numbers, letters
                new SymbolReader(SymbolReader.ENGLISH)));
    }

    public static EnglishNormalizer create() {
        return new EnglishNormalizer();
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
