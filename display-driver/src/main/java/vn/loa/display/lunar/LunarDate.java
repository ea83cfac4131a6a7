package vn.loa.display.lunar;

/**
 * A day of the Vietnamese lunar calendar.
 *
 * @param year  the lunar year, numbered as the solar year in which its first month begins
 * @param leap  whether the month is the year's leap month (tháng nhuận)
 */
public record LunarDate(int day, int month, int year, boolean leap) {

    private static final String[] STEMS = {"Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"};
    private static final String[] BRANCHES = {"Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu",
        "Tuất", "Hợi"};

    /** The year's name in the sexagenary cycle, as Vietnamese say it: 2024 is "Giáp Thìn". */
    public String yearName() {
        return STEMS[Math.floorMod(year + 6, 10)] + " " + BRANCHES[Math.floorMod(year + 8, 12)];
    }

    /** As a board shows it: "27/10 Bính Ngọ", "5/2 nhuận Quý Mão". */
    public String display() {
        return day + "/" + month + (leap ? " nhuận " : " ") + yearName();
    }
}
