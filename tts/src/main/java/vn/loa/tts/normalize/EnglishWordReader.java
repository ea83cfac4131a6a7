package vn.loa.tts.normalize;

import java.text.Normalizer;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads what is left of an English notice once dates, times, money and units are words: abbreviations ("Mr.",
 * "approx.", "No. 5"), ordinals ("21st"), years ("in 2026"), the remaining numbers, symbols, and Vietnamese names
 * ("Hội An" is said "Hoi An": the English voices know no Vietnamese letters and would skip them).
 *
 * <p>Stateless.
 */
final class EnglishWordReader implements TextRule {

    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("Mr.", "Mister"), Map.entry("Mrs.", "Missus"), Map.entry("Ms.", "Miz"),
            Map.entry("Dr.", "Doctor"), Map.entry("Prof.", "Professor"), Map.entry("St.", "Street"),
            Map.entry("Rd.", "Road"), Map.entry("Ave.", "Avenue"), Map.entry("Tel.", "telephone"),
            Map.entry("Tel", "telephone"), Map.entry("tel.", "telephone"), Map.entry("approx.", "approximately"),
            Map.entry("e.g.", "for example"), Map.entry("i.e.", "that is"), Map.entry("etc.", "et cetera"),
            Map.entry("vs.", "versus"), Map.entry("Mon.", "Monday"), Map.entry("Tue.", "Tuesday"),
            Map.entry("Wed.", "Wednesday"), Map.entry("Thu.", "Thursday"), Map.entry("Fri.", "Friday"),
            Map.entry("Sat.", "Saturday"), Map.entry("Sun.", "Sunday"), Map.entry("Dept.", "Department"),
            Map.entry("Govt.", "Government"), Map.entry("Intl.", "International"), Map.entry("max.", "maximum"),
            Map.entry("min.", "minimum"), Map.entry("UBND", "People's Committee"),
            Map.entry("VND", "dong"), Map.entry("VNĐ", "dong"), Map.entry("USD", "US dollars"),
            Map.entry("ATM", "A T M"), Map.entry("SOS", "S O S"), Map.entry("COVID", "Covid"),
            Map.entry("WiFi", "Wi Fi"), Map.entry("Wi-Fi", "Wi Fi"), Map.entry("wifi", "Wi Fi"));
    private static final Pattern ABBREVIATION = Pattern.compile("(?<![\\p{L}\\p{N}.])("
            + ABBREVIATIONS.keySet().stream().sorted((a, b) -> b.length() - a.length()).map(Pattern::quote)
                    .collect(Collectors.joining("|")) + ")(?![\\p{L}])");
    private static final Pattern NUMBER_SIGN = Pattern.compile("(?<![\\p{L}])(?:No\\.?|no\\.|Nr\\.?|#)\\s?(?=\\d)");
    private static final Pattern ROUND_THE_CLOCK = Pattern.compile("(?<![\\d.,/])24\\s?(h|hrs)(?![\\p{L}\\d])");
    /** A numbered item inside a line ("1. Do not swim. 2. Stay indoors."): its number and a pause. */
    private static final Pattern ITEM = Pattern.compile("(?<=[.!?:]\\s)(\\d{1,2})[.)]\\s(?=\\p{Lu})");
    private static final Pattern ORDINAL = Pattern.compile("(?<![\\d.,])(\\d{1,9})(st|nd|rd|th)(?![\\p{L}\\d])");
    private static final Pattern YEAR = Pattern.compile("(?<=\\b(?:in|since|by|year|until|till|of|from|before|after|"
            + "In|Since|By|Year|Until|From|Before|After) )(1[1-9]\\d\\d|20\\d\\d)(?![\\d.,]?\\d|\\s?%)");
    /** Roman numerals after the words that number levels and categories: "alarm level II", "Category IV". */
    private static final Pattern ROMAN = Pattern.compile("(?<=\\b(?:[Ll]evel|[Cc]ategory|[Gg]rade|[Cc]lass|[Pp]hase|[Ww]ar) )"
            + "([IVX]{1,5})(?![\\p{L}\\d])");
    private static final Pattern SIGNED = Pattern.compile("(?<![\\p{L}\\d])[-−](?=\\d)");
    private static final Pattern NUMBER = Pattern.compile(EnglishMeasureReader.NUMBER);
    private static final Pattern ANY_DIGITS = Pattern.compile("\\d{1,18}");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Set<Character> VIETNAMESE_D = Set.of('đ', 'Đ');

    private final EnglishNumbers numbers;

    EnglishWordReader(EnglishNumbers numbers) {
        this.numbers = numbers;
    }

    @Override
    public String apply(String text) {
        String out = Rewriter.replace(ROUND_THE_CLOCK, text, r -> "twenty four hours");
        out = Rewriter.replace(ITEM, out, r -> numbers.cardinal(Long.parseLong(r.group(1))) + ",");
        out = Rewriter.replace(NUMBER_SIGN, out, r -> "number");
        out = Rewriter.replace(ABBREVIATION, out, r -> ABBREVIATIONS.get(r.group(1)));
        out = Rewriter.replace(ORDINAL, out, r -> numbers.ordinal(Long.parseLong(r.group(1))));
        out = Rewriter.replace(YEAR, out, r -> numbers.year(Integer.parseInt(r.group(1))));
        out = Rewriter.replace(ROMAN, out, r -> RomanNumerals.isValid(r.group(1))
                ? numbers.cardinal(RomanNumerals.parse(r.group(1))) : null);
        out = Rewriter.replace(SIGNED, out, r -> "minus");
        out = Rewriter.replace(NUMBER, out, r -> numbers.number(r.group(1)));
        out = Rewriter.replace(ANY_DIGITS, out, r -> numbers.cardinal(r.group(0)));
        return asciiLetters(out);
    }

    /** Vietnamese letters without their marks: "Hội An", "Đà Nẵng" become "Hoi An", "Da Nang". */
    static String asciiLetters(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(VIETNAMESE_D.contains(c) ? (c == 'đ' ? 'd' : 'D') : c);
        }
        return Normalizer.normalize(MARKS.matcher(Normalizer.normalize(out, Normalizer.Form.NFD)).replaceAll(""),
                Normalizer.Form.NFC);
    }

    @Override
    public TokenKind kind(String written, String spoken) {
        return written.chars().anyMatch(Character::isDigit) ? TokenKind.NUMBER : TokenKind.ABBREVIATION;
    }
}
