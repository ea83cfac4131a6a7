package vn.loa.plugins.iotalerts;

import java.util.Locale;

/** What a sensor measures, with the words a default alert uses for it (read aloud, so units are spelled out). */
enum Kind {
    WATER_LEVEL("mực nước", "mét", "Cảnh báo nước lên",
            "Khẩn cấp! Mực nước tại {place} đã lên {value} mét, vượt mức báo động {threshold} mét. "
                    + "Bà con khẩn trương đưa người và tài sản đến nơi an toàn."),
    RAINFALL("lượng mưa", "mi-li-mét", "Cảnh báo mưa lớn",
            "Lượng mưa tại {place} đã lên {value} mi-li-mét, vượt ngưỡng {threshold} mi-li-mét. "
                    + "Bà con đề phòng lũ quét và sạt lở đất, không đi qua ngầm tràn."),
    SALINITY("độ mặn", "phần nghìn", "Cảnh báo xâm nhập mặn",
            "Độ mặn tại {place} đã lên {value} phần nghìn, vượt ngưỡng {threshold} phần nghìn. "
                    + "Bà con tạm dừng lấy nước tưới cho lúa và hoa màu."),
    SMOKE("khói", "", "Cảnh báo cháy",
            "Khẩn cấp! Phát hiện khói tại {place}. Bà con ở gần khẩn trương kiểm tra, báo ngay cho lực lượng "
                    + "phòng cháy chữa cháy qua số 114.");

    final String quantity;
    final String unit;
    final String title;
    final String text;

    Kind(String quantity, String unit, String title, String text) {
        this.quantity = quantity;
        this.unit = unit;
        this.title = title;
        this.text = text;
    }

    /** {@code water_level}, as the settings spell it. */
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Kind fromWire(String name) {
        for (Kind k : values()) {
            if (k.wireName().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("'kind' phải là water_level, rainfall, salinity hoặc smoke (có '" + name
                + "').");
    }
}
