package vn.loa.tts.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the numbers of official documents: "13/2023/NĐ-CP" is "mười ba năm hai nghìn không trăm hai mươi ba nghị
 * định của chính phủ", "45/KH-UBND" is "bốn mươi lăm kế hoạch của ủy ban nhân dân".
 *
 * <p>Stateless. Runs first among the number rules, because "13/2023" would otherwise look like a month and a year.
 * The year is read after "năm", as officials cite a decree aloud ("Nghị định 13 năm 2023"). The code after the
 * slash is read part by part, the issuer after "của": document types and issuers here, then the commune's dictionary,
 * then letter by letter. A law's "/QH14" is the National Assembly of that term; an issuer the sentence names again
 * after the number ("... của UBND tỉnh") is said only there.
 */
final class DocumentNumberReader implements TextRule {

    private static final Pattern DOCUMENT = Pattern.compile(
            "(?<![\\d.,/])(\\d{1,5})/(?:(\\d{4})/)?(\\p{Lu}[\\p{L}\\d]{0,24}(?:[-&][\\p{L}\\d]{1,24}){0,5})(?![\\p{L}\\d])");

    /** The Party's style puts the type before the slash: "18-NQ/TW", "05-CT/TU". */
    private static final Pattern PARTY_DOCUMENT = Pattern.compile(
            "(?<![\\d.,/])(\\d{1,5})-(\\p{Lu}[\\p{L}]{0,4})/(\\p{Lu}[\\p{L}\\d]{0,24})(?![\\p{L}\\d])");

    /** The National Assembly by its term: "QH15" is "quốc hội khóa mười lăm". */
    private static final Pattern LEGISLATURE = Pattern.compile("QH(\\d{1,2})");

    /**
     * Codes whose meaning inside a document number differs from running text ("CT" is a directive, not a chair; "BTC"
     * the Ministry of Finance, not an organising committee): these, then the ministries of the administrative
     * dictionary.
     */
    private static final Map<String, String> ISSUERS = issuers();

    /**
     * The codes of document types (Decree 30/2020/NĐ-CP, appendix III). A code that starts with anything else is a
     * công văn's: its issuer first, then the unit that drafted it ("210/UBND-VP"), and only the issuer is said.
     */
    private static final java.util.Set<String> TYPES = java.util.Set.of("NQ", "QĐ", "CT", "QC", "QyĐ", "TB", "HD",
            "CTr", "KH", "PA", "ĐA", "DA", "BC", "BB", "TTr", "HĐ", "CĐ", "GM", "GUQ", "GGT", "GNP", "PG", "PC", "PB",
            "TT", "NĐ", "TTLT", "KL", "CV", "GP", "GCN", "L", "PL", "TC", "HĐMB");

    private final NumberReader numbers;
    private final AbbreviationDictionary dictionary;

    DocumentNumberReader(NumberReader numbers, AbbreviationDictionary dictionary) {
        this.numbers = numbers;
        this.dictionary = dictionary;
    }

    @Override
    public String apply(String text) {
        String out = Rewriter.replace(DOCUMENT, text, this::document);
        return Rewriter.replace(PARTY_DOCUMENT, out, this::partyDocument);
    }

    private static Map<String, String> issuers() {
        Map<String, String> issuers = new java.util.HashMap<>(Map.ofEntries(
                Map.entry("CT", "chỉ thị"), Map.entry("TT", "thông tư"), Map.entry("CĐ", "công điện"),
                Map.entry("CP", "chính phủ"), Map.entry("TTg", "thủ tướng"), Map.entry("VP", "văn phòng"),
                Map.entry("HĐ", "hợp đồng"), Map.entry("BCĐ", "ban chỉ đạo"), Map.entry("BCH", "ban chỉ huy")));
        AdministrativeDictionary.builtIn().entries(AdministrativeDictionary.Scope.ISSUER).forEach(issuers::putIfAbsent);
        return Map.copyOf(issuers);
    }

    private String partyDocument(Rewriter r) {
        String type = codePart(r.group(2));
        String number = numbers.cardinal(r.group(1));
        String issuer = issuerNamedAfter(r, r.group(3)) ? "" : " của " + codePart(r.group(3));
        return (alreadySaid(r, type) ? number : number + " " + type) + issuer;
    }

    private String document(Rewriter r) {
        String code = r.group(3);
        if (r.group(2) == null && !code.contains("-")) {
            return null; // "5/UBND" alone is too unlike a document number to risk
        }
        List<String> words = new ArrayList<>();
        words.add(numbers.cardinal(r.group(1)));
        if (r.group(2) != null) {
            words.add("năm " + numbers.cardinal(r.group(2)));
        }
        String[] parts = code.split("[-&]");
        if (parts.length == 1 && LEGISLATURE.matcher(parts[0]).matches()) {
            words.add("của " + codePart(parts[0])); // a law's "/QH13": the National Assembly that passed it
            return String.join(" ", words);
        }
        if (parts.length > 1 && !TYPES.contains(parts[0])) {
            // "Công văn số 210/UBND-VP": the issuer, then its drafting office, which a listener need not hear.
            if (!issuerNamedAfter(r, parts[0])) {
                words.add("của " + codePart(parts[0]));
            }
            return String.join(" ", words);
        }
        boolean issuerFollows = parts.length > 1 && issuerNamedAfter(r, parts[1]);
        for (int i = 0; i < parts.length; i++) {
            String spoken = codePart(parts[i]);
            if (i >= 1 && issuerFollows) {
                break; // "... 123/QĐ-UBND của UBND huyện": the issuer is said once, where the clerk wrote it out
            }
            if (i == 1) {
                words.add("của"); // the part after the type is the issuer
            }
            if (i > 0 || !alreadySaid(r, spoken)) {
                words.add(spoken);
            }
        }
        return String.join(" ", words);
    }

    /**
     * Whether the same sentence names the issuer after the number, after "của" ("... ngày 12/10/2026 của UBND tỉnh",
     * "... của BCH Trung ương" for "/TW").
     */
    private boolean issuerNamedAfter(Rewriter r, String issuer) {
        String after = r.text().substring(r.match().end(), Math.min(r.text().length(), r.match().end() + 80));
        int end = after.length();
        for (char stop : new char[] {'.', ';', '!', '?', '\n'}) {
            int at = after.indexOf(stop);
            if (at >= 0 && at < end && !(stop == '.' && at + 1 < after.length() && Character.isDigit(after.charAt(at + 1)))) {
                end = at;
            }
        }
        String clause = after.substring(0, end);
        int of = clause.indexOf("của ");
        if (of < 0) {
            return false;
        }
        String rest = clause.substring(of);
        String spoken = codePart(issuer).toLowerCase(java.util.Locale.ROOT);
        // "của UBND huyện", "của Ủy ban nhân dân huyện", "của BCH Trung ương" (the issuer's name at its end) all name it.
        return rest.contains(issuer) || rest.toLowerCase(java.util.Locale.ROOT).contains(spoken);
    }

    /** "Nghị định 13/2023/NĐ-CP" names the type before the number; saying "nghị định" twice sounds wrong. */
    private static boolean alreadySaid(Rewriter r, String type) {
        String before = r.text().substring(Math.max(0, r.match().start() - type.length() - 6), r.match().start())
                .toLowerCase(java.util.Locale.ROOT).strip();
        return before.endsWith(type) || before.endsWith(type + " số");
    }

    private String codePart(String part) {
        var legislature = LEGISLATURE.matcher(part);
        if (legislature.matches()) {
            return "quốc hội khóa " + numbers.cardinal(legislature.group(1));
        }
        String spoken = ISSUERS.get(part);
        if (spoken == null) {
            spoken = dictionary.spoken(part);
        }
        if (spoken == null) {
            spoken = part.chars().allMatch(Character::isDigit) ? numbers.cardinal(part) : AcronymSpeller.spell(part);
        }
        return spoken;
    }

    @Override
    public TokenKind kind(String written, String spoken) {
        return TokenKind.DOCUMENT;
    }
}
