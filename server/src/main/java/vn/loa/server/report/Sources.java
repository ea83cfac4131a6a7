package vn.loa.server.report;

/** Names where an aired announcement came from, in the words the log shows a commune office. */
final class Sources {

    private Sources() {
    }

    static String of(boolean hotline, boolean alert, boolean bulletin, boolean relay, boolean playlist,
            boolean recording, String createdBy) {
        if (hotline) {
            return "Trực tiếp qua đường dây nóng";
        }
        if (alert) {
            return "Cảnh báo (CAP)";
        }
        if (bulletin) {
            return "Bản tin cấp trên gửi xuống";
        }
        String kind = relay ? "Tiếp sóng" : playlist ? "Danh sách chương trình ghi âm"
                : recording ? "Chương trình ghi âm" : "Văn bản đọc tự động";
        return createdBy != null && createdBy.startsWith("plugin:") ? kind + " (" + createdBy.substring(7) + ")" : kind;
    }
}
