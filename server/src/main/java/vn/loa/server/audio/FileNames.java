package vn.loa.server.audio;

import java.text.Normalizer;
import vn.loa.server.refusal.Refusal;

/**
 * Checks the file name a client sends with an upload. Loa never stores a file under it (the stored file is named by
 * its id), but the name is shown to clerks and written in the audit log, so a name that tries to climb folders,
 * hides control characters or markup, or runs on for pages is refused rather than cleaned up silently.
 */
final class FileNames {

    static final int MAX_LENGTH = 200;

    private FileNames() {
    }

    static String checked(String name) {
        if (name == null || name.isBlank()) {
            return "tep-am-thanh";
        }
        String nfc = Normalizer.normalize(name, Normalizer.Form.NFC).strip();
        boolean hostile = nfc.length() > MAX_LENGTH || nfc.contains("/") || nfc.contains("\\") || nfc.contains("..")
                || nfc.startsWith(".") || nfc.chars().anyMatch(c -> c < 0x20 || c == 0x7F || "<>:\"|?*".indexOf(c) >= 0)
                || nfc.codePoints().anyMatch(c -> Character.getType(c) == Character.FORMAT);
        if (hostile) {
            throw Refusal.invalid("invalid_file_name", "Tên tệp không hợp lệ: tên tệp không được chứa thư mục "
                    + "(/, \\, ..), ký tự điều khiển hay các ký tự < > : \" | ? *, và dài tối đa " + MAX_LENGTH
                    + " ký tự. Hãy đổi tên tệp rồi tải lên lại.");
        }
        return nfc;
    }
}
