package vn.loa.tts.normalize;

import java.util.Set;

/**
 * Tells an initial inside a Vietnamese personal name ("Nguyễn Thị H. Lan", "ông T. Hùng") from a one-letter
 * administrative abbreviation ("H. Gia Lâm" for huyện Gia Lâm, "P. 5" for phường 5).
 *
 * <p>Stateless. An initial follows a form of address or a capitalised surname or middle name; an abbreviation
 * follows a lower-case word, a comma, or another abbreviation ("UBND H. Gia Lâm").
 */
final class PersonalNames {

    /** Forms of address before a name, any case. */
    private static final Set<String> ADDRESS = Set.of("ông", "bà", "anh", "chị", "cô", "chú", "bác", "cụ", "em",
            "cháu", "chí", "đ/c");

    /** Common surnames and middle names, capitalised as written in a name. */
    private static final Set<String> NAME_WORDS = Set.of(
            "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
            "Dương", "Lý", "Đinh", "Đoàn", "Trịnh", "Lương", "Mai", "Cao", "Tạ", "Lâm", "Tô", "Trương", "Quách",
            "Vương", "Kiều", "Lưu", "Châu", "Triệu", "Hứa", "Lò", "Nông", "Thị", "Văn", "Hữu", "Đức", "Công", "Quang",
            "Ngọc", "Minh", "Thanh", "Xuân", "Hồng", "Đình", "Bá", "Trọng", "Duy", "Quốc", "Thu", "Thế", "Tiến",
            "Như", "Phương", "Mạnh", "Khắc", "Đăng", "Viết", "Bích", "Diệu");

    private PersonalNames() {
    }

    /** Whether the one-letter abbreviation matched here ("H.") is an initial inside a personal name. */
    static boolean isInitial(Rewriter r) {
        String key = r.group(1);
        if (key.length() != 2 || !key.endsWith(".")) {
            return false;
        }
        String before = wordBefore(r.text(), r.match().start());
        return ADDRESS.contains(before.toLowerCase(java.util.Locale.ROOT)) || NAME_WORDS.contains(before);
    }

    /** The word just before {@code at}, as written, if only spaces separate them; "" otherwise. */
    private static String wordBefore(String text, int at) {
        int end = at;
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        int start = end;
        while (start > 0 && (Character.isLetter(text.charAt(start - 1)) || text.charAt(start - 1) == '/')) {
            start--;
        }
        return text.substring(start, end);
    }
}
