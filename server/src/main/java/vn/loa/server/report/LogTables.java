package vn.loa.server.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The broadcast log and the monthly report per zone as {@link Table}s with the Vietnamese headers and column widths a
 * filed page uses. Pure: entries in, rows out.
 */
public final class LogTables {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(VIETNAM);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(VIETNAM);
    private static final Map<String, String> PRIORITIES = Map.of("EMERGENCY", "Khẩn cấp", "LIVE", "Trực tiếp",
            "SCHEDULED", "Thông thường", "BACKGROUND", "Nền");
    private static final Map<String, String> OUTCOMES = Map.of("DONE", "Đã phát", "FAILED", "Lỗi",
            "CANCELLED", "Đã hủy", "ON_AIR", "Đang phát");

    /** Each column's share of the page width, in the order of {@link #log}'s columns. */
    public static final List<Integer> LOG_WIDTHS = List.of(3, 9, 6, 16, 9, 6, 10, 8, 8, 6, 16);
    /** Each column's share of the page width, in the order of {@link #monthly}'s columns. */
    public static final List<Integer> MONTHLY_WIDTHS = List.of(16, 7, 8, 7, 6, 6, 8, 8);

    private LogTables() {
    }

    /** One row per airing, numbered, oldest first. */
    public static Table log(List<Airing> entries) {
        List<List<Object>> rows = new ArrayList<>();
        int n = 1;
        for (Airing a : entries) {
            List<Object> row = new ArrayList<>();
            row.add((long) n++);
            row.add(WHEN.format(a.start()));
            row.add(a.end() == null ? "" : sameDay(a.start(), a.end()) ? TIME.format(a.end()) : WHEN.format(a.end()));
            row.add(a.title());
            row.add(a.source());
            row.add(PRIORITIES.getOrDefault(a.priority(), a.priority()));
            row.add(String.join(", ", a.zones()));
            row.add(a.createdBy());
            row.add(a.approvedBy() == null ? "Không cần duyệt" : a.approvedBy());
            row.add(OUTCOMES.getOrDefault(a.outcome(), a.outcome()));
            row.add(deliveries(a));
            rows.add(row);
        }
        return new Table("Nhật ký phát thanh", List.of(new Table.Column("no", "STT"),
                new Table.Column("start", "Bắt đầu"), new Table.Column("end", "Kết thúc"),
                new Table.Column("title", "Nội dung"), new Table.Column("source", "Nguồn"),
                new Table.Column("priority", "Mức độ"), new Table.Column("zones", "Khu vực"),
                new Table.Column("createdBy", "Người soạn"), new Table.Column("approvedBy", "Người duyệt"),
                new Table.Column("outcome", "Kết quả"), new Table.Column("deliveries", "Loa nhận")), rows);
    }

    /** "Đã phát 2/3; lỗi: Loa chợ (không kết nối)". */
    static String deliveries(Airing a) {
        if (a.deliveries().isEmpty()) {
            return "—";
        }
        String text = "Đã phát " + a.count("PLAYED") + "/" + a.deliveries().size();
        String failed = a.deliveries().stream().filter(d -> d.state().equals("FAILED"))
                .map(d -> d.name() + (d.detail() == null ? "" : " (" + d.detail() + ")"))
                .collect(Collectors.joining("; "));
        return failed.isEmpty() ? text : text + "; lỗi: " + failed;
    }

    /** A zone of the unit, for the monthly report. */
    public record ZoneRow(String name, String path) {
    }

    /**
     * One row per zone of the unit: the airings that reached it (aimed at it, at a zone above it, or at one inside it),
     * their time on air, how many were emergencies, failed or cancelled, and the deliveries to its loudspeakers.
     */
    public static Table monthly(List<ZoneRow> zones, List<Airing> entries, Instant now) {
        List<List<Object>> rows = new ArrayList<>();
        for (ZoneRow zone : zones) {
            long count = 0;
            long seconds = 0;
            long emergencies = 0;
            long failed = 0;
            long cancelled = 0;
            long played = 0;
            long undelivered = 0;
            for (Airing a : entries) {
                if (!a.reaches(zone.path())) {
                    continue;
                }
                count++;
                seconds += a.seconds(now);
                emergencies += a.priority().equals("EMERGENCY") ? 1 : 0;
                failed += a.outcome().equals("FAILED") ? 1 : 0;
                cancelled += a.outcome().equals("CANCELLED") ? 1 : 0;
                for (Airing.Delivery d : a.deliveries()) {
                    if (d.zonePath() != null && d.zonePath().startsWith(zone.path())) {
                        played += d.state().equals("PLAYED") ? 1 : 0;
                        undelivered += d.state().equals("FAILED") ? 1 : 0;
                    }
                }
            }
            rows.add(List.of(zone.name(), count, Math.round(seconds / 6.0) / 10.0, emergencies, failed, cancelled,
                    played, undelivered));
        }
        return new Table("Báo cáo tháng theo khu vực", List.of(new Table.Column("zone", "Khu vực"),
                new Table.Column("airings", "Số lượt phát"), new Table.Column("minutes", "Thời lượng (phút)"),
                new Table.Column("emergencies", "Khẩn cấp"), new Table.Column("failed", "Lỗi"),
                new Table.Column("cancelled", "Đã hủy"), new Table.Column("deliveriesPlayed", "Lượt loa đã phát"),
                new Table.Column("deliveriesFailed", "Lượt loa lỗi")), rows);
    }

    private static boolean sameDay(Instant a, Instant b) {
        return LocalDate.ofInstant(a, VIETNAM).equals(LocalDate.ofInstant(b, VIETNAM));
    }
}
