package vn.loa.hotline;

import java.util.List;

/**
 * The hotline's words, in Vietnamese and short: a caller in a storm has no time for long prompts. The menu is
 * 1 speak live to every zone, 2 choose a zone, 3 a prepared alert, 9 cancel.
 */
final class VoiceMenu {

    static final String PIN = "Đường dây nóng. Xin nhập mã PIN, rồi bấm phím thăng.";
    static final String WRONG_PIN = "Mã PIN sai. Xin nhập lại.";
    static final String LOCKED = "Số máy đã bị khóa. Xin liên hệ quản trị viên.";
    static final String MENU = "Bấm 1 để nói tới mọi loa. Bấm 2 để chọn khu vực. Bấm 3 để phát cảnh báo soạn sẵn. "
            + "Bấm 9 để hủy.";
    static final String LIVE = "Mời nói.";
    static final String NO_SPEAKER = "Không phát được: không có loa nào nghe được.";
    static final String NO_CHOICE = "Không có lựa chọn này.";
    static final String PRESET_AIRED = "Đã phát cảnh báo. Xin chào.";
    static final String GOODBYE = "Đã hủy. Xin chào.";

    /** Every fixed prompt, to speak once at start-up. */
    static final List<String> FIXED = List.of(PIN, WRONG_PIN, LOCKED, MENU, LIVE, NO_SPEAKER, NO_CHOICE,
            PRESET_AIRED, GOODBYE);

    private VoiceMenu() {
    }

    /** "Bấm 1 cho Thôn Đông. Bấm 2 cho Thôn Tây." for up to eight names (9 stays cancel). */
    static String choices(String what, List<String> names) {
        StringBuilder text = new StringBuilder(what).append(". ");
        for (int i = 0; i < Math.min(8, names.size()); i++) {
            text.append("Bấm ").append(i + 1).append(" cho ").append(names.get(i)).append(". ");
        }
        return text.append("Bấm 9 để hủy.").toString();
    }
}
