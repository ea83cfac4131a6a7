package vn.loa.tts.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads web and e-mail addresses the way they are dictated: "dichvucong.gov.vn" is "dịch vụ công chấm gờ o vê chấm
 * vê nờ", "ubnd@xa.gov.vn" has "a còng".
 *
 * <p>Stateless. Runs before numbers and abbreviations, which would otherwise take the dots and the letters apart.
 */
final class WebAddressReader implements TextRule {

    // Every repetition here has a bound (a DNS label is at most 63 characters): Java's regex engine recurses once
    // per repeated group, and an unbounded run would make "1-1-1-..." cost quadratic time.

    private static final Pattern ADDRESS = Pattern.compile("(?iu)(?<![\\p{L}\\d@._\\-])(?:https?://)?"
            + "((?:[\\p{L}\\d_\\-]{1,63}\\.){0,4}[\\p{L}\\d_\\-]{1,63}@)?"
            + "((?:[\\p{L}\\d\\-]{1,63}\\.){1,6}(?:vn|com|net|org|gov|edu|info))"
            + "((?:/[\\p{L}\\d_\\-.]{0,63}){0,8})(?![\\p{L}\\d])");
    private final Words words;

    WebAddressReader(Words words) {
        this.words = words;
    }

    /** How one language says ".", "@" and "/", and the usual parts of a domain. */
    record Words(String dot, String at, String slash, Map<String, String> parts) {

        /**
         * Vietnamese says the parts of a domain, and the well-known Vietnamese names in it with their tones: a name
         * typed without tones ("dichvucong") is otherwise read as foreign letters.
         */
        static final Words VIETNAMESE = new Words("chấm", "a còng", "gạch chéo", Map.ofEntries(
                Map.entry("vn", "vê nờ"), Map.entry("gov", "gờ o vê"), Map.entry("com", "com"), Map.entry("net", "nét"),
                Map.entry("org", "o rờ gờ"), Map.entry("edu", "e đu"), Map.entry("www", "vê kép vê kép vê kép"),
                Map.entry("info", "in phô"),
                Map.entry("dichvucong", "dịch vụ công"), Map.entry("baochinhphu", "báo chính phủ"),
                Map.entry("chinhphu", "chính phủ"), Map.entry("thuvienphapluat", "thư viện pháp luật"),
                Map.entry("quochoi", "quốc hội"), Map.entry("nhandan", "nhân dân"), Map.entry("tuoitre", "tuổi trẻ"),
                Map.entry("thanhnien", "thanh niên"), Map.entry("baohiemxahoi", "bảo hiểm xã hội"),
                Map.entry("dancuquocgia", "dân cư quốc gia"), Map.entry("bocongan", "bộ công an"),
                Map.entry("congan", "công an"), Map.entry("vanban", "văn bản"), Map.entry("tiemchung", "tiêm chủng"),
                Map.entry("nongnghiep", "nông nghiệp"), Map.entry("phongchongthientai", "phòng chống thiên tai"),
                Map.entry("thoitiet", "thời tiết"), Map.entry("khituongthuyvan", "khí tượng thủy văn"),
                Map.entry("vtv", "vê tê vê"), Map.entry("vov", "vê o vê"), Map.entry("moh", "em o hát")));
    }

    @Override
    public String apply(String text) {
        return Rewriter.replace(ADDRESS, text, this::address);
    }

    private String address(Rewriter r) {
        List<String> words = new ArrayList<>();
        if (r.group(1) != null) {
            words.add(dotted(r.group(1).substring(0, r.group(1).length() - 1)));
            words.add(this.words.at());
        }
        words.add(dotted(r.group(2)));
        for (String segment : r.group(3).split("/")) {
            if (!segment.isEmpty()) {
                words.add(this.words.slash() + " " + dotted(segment));
            }
        }
        return String.join(" ", words);
    }

    private String dotted(String host) {
        List<String> words = new ArrayList<>();
        for (String part : host.split("\\.")) {
            if (!part.isEmpty()) {
                words.add(this.words.parts().getOrDefault(part.toLowerCase(java.util.Locale.ROOT),
                        part.replace('-', ' ')));
            }
        }
        return String.join(" " + this.words.dot() + " ", words);
    }

    @Override
    public TokenKind kind(String written, String spoken) {
        return TokenKind.URL;
    }
}
