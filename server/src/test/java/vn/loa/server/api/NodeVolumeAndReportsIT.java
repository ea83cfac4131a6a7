package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.Province.created;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.loa.wire.control.ControlMessage;
import vn.loa.server.testing.FakeAgent;

/**
 * The web UI's additions to the API: a node's volume set at once, the reports of broadcasts and availability, and the
 * broadcast log (sổ nhật ký phát thanh) read back from its XLSX and PDF.
 */
class NodeVolumeAndReportsIT extends ApiSuite {

    private String agentNode(String zone) {
        created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn Âm Lượng", "xa-a")));
        String node = Province.unique("dau-thu");
        return node + " " + created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", node)
                .put("name", "Đầu thu").put("zone", zone).put("kind", "agent"))).json().getString("token");
    }

    @Test
    void technicianSetsAConnectedAgentsVolumeAtOnceAndItIsAudited() throws Exception {
        String[] nodeAndToken = agentNode(Province.unique("thon-am")).split(" ");
        String node = nodeAndToken[0];
        try (FakeAgent agent = new FakeAgent(server.baseUrl())) {
            agent.send(new ControlMessage.Hello(node, nodeAndToken[1], List.of("PCMU"), 40000, "test"));
            assertThat(agent.next(10)).isInstanceOf(ControlMessage.Welcome.class);

            var reply = province.technicianA.post("/api/v1/nodes/" + node + "/volume", new JsonObject().put("level", 40));

            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            assertThat(agent.next(10)).isEqualTo(new ControlMessage.Volume(40));
            assertThat(province.adminA.get("/api/v1/audit?action=node.volume&target=node:" + node).array()).hasSize(1);
        }
    }

    @Test
    void volumeIsRefusedForAnOfflineAgentAClerkAndALevelOutOfRange() {
        String node = agentNode(Province.unique("thon-tat")).split(" ")[0];
        assertRefused(province.technicianA.post("/api/v1/nodes/" + node + "/volume", new JsonObject().put("level", 50)),
                409, "node_offline");
        assertRefused(province.clerkA.post("/api/v1/nodes/" + node + "/volume", new JsonObject().put("level", 50)),
                403, "forbidden");
        var tooLoud = province.technicianA.post("/api/v1/nodes/" + node + "/volume", new JsonObject().put("level", 150));
        assertRefused(tooLoud, 400, "invalid_request");
        assertThat(tooLoud.json().getString("field")).isEqualTo("level");
        assertRefused(province.clerkB.post("/api/v1/nodes/" + node + "/volume", new JsonObject().put("level", 50)),
                403, "forbidden");
    }

    @Test
    void availabilityCountsTheTimeAnAgentWasConnectedInTheCallersUnitOnly() throws Exception {
        String[] nodeAndToken = agentNode(Province.unique("thon-san-sang")).split(" ");
        try (FakeAgent agent = new FakeAgent(server.baseUrl())) {
            agent.send(new ControlMessage.Hello(nodeAndToken[0], nodeAndToken[1], List.of("PCMU"), 40000, "test"));
            assertThat(agent.next(10)).isInstanceOf(ControlMessage.Welcome.class);

            // Connected time counts from the welcome on: some shows as soon as a moment has passed.
            JsonObject row = await().atMost(Duration.ofSeconds(30))
                    .ignoreExceptionsInstanceOf(java.util.NoSuchElementException.class).until(() -> province.clerkA
                    .get("/api/v1/reports/availability?days=7").array().stream().map(JsonObject.class::cast)
                    .filter(r -> r.getString("node").equals(nodeAndToken[0])).findFirst().orElseThrow(),
                    r -> r.getDouble("availabilityPercent") > 0);
            assertThat(row.getDouble("availabilityPercent")).isLessThanOrEqualTo(100.0);
            assertThat(province.clerkB.get("/api/v1/reports/availability?days=7").array().stream()
                    .map(r -> ((JsonObject) r).getString("node"))).doesNotContain(nodeAndToken[0]);
        }
    }

    @Test
    void broadcastReportHasOneRowPerDayAndRefusesABadPeriod() {
        JsonArray days = province.clerkA.get("/api/v1/reports/broadcasts?days=30").array();
        assertThat(days).hasSize(30);
        assertThat(days.getJsonObject(0).fieldNames()).containsExactlyInAnyOrder("day", "done", "failed", "cancelled");
        var csv = province.clerkA.get("/api/v1/reports/broadcasts?days=7&format=csv");
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(csv.body().lines()).hasSize(8);
        assertRefused(province.clerkA.get("/api/v1/reports/broadcasts?days=0"), 400, "invalid_request");
        assertRefused(province.clerkA.get("/api/v1/reports/broadcasts?format=pdf"), 400, "invalid_request");
    }

    @Test
    void theBroadcastLogListsWhatAiredWithItsApproverAndDeliveriesInJsonXlsxAndPdfAndNeverADraft() throws Exception {
        String zone = Province.unique("thon-nhat-ky");
        created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn Nhật Ký", "xa-a")));
        String title = "Lịch tiêm phòng dại " + zone;
        try (var speaker = new vn.loa.server.testing.RtpCapture()) {
            String node = Province.unique("loa-nhat-ky");
            created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", node).put("name", "Loa đình")
                    .put("zone", zone).put("kind", "rtp").put("address", "127.0.0.1:" + speaker.port())));
            long id = created(province.clerkA.post("/api/v1/announcements", new JsonObject().put("title", title)
                    .put("text", "Họp dân.").put("chime", false).put("zones", new JsonArray().add(zone))))
                    .json().getLong("id");
            province.clerkA.post("/api/v1/announcements/" + id + "/submit", null);
            province.approverA.post("/api/v1/announcements/" + id + "/approve", null);
            province.clerkA.post("/api/v1/announcements/" + id + "/broadcast", null);
            OnAirIT.waitForState(province.clerkA, id, "DONE");
            created(province.clerkA.post("/api/v1/announcements", Province.notice("Bản nháp " + zone, zone)));

            JsonObject log = province.clerkA.get("/api/v1/reports/log").json();
            JsonObject entry = log.getJsonArray("entries").stream().map(JsonObject.class::cast)
                    .filter(e -> e.getLong("announcement") == id).findFirst().orElseThrow();
            assertThat(log.getString("unit")).isEqualTo("Xã An Bình");
            assertThat(entry.getString("title")).isEqualTo(title);
            assertThat(entry.getString("source")).isEqualTo("Văn bản đọc tự động");
            assertThat(entry.getJsonArray("zones")).containsExactly("Thôn Nhật Ký");
            assertThat(entry.getString("createdBy")).isEqualTo("Cán bộ clerk-a");
            assertThat(entry.getString("approvedBy")).isEqualTo("Cán bộ approver-a");
            assertThat(entry.getString("outcome")).isEqualTo("DONE");
            assertThat(java.time.Instant.parse(entry.getString("end")))
                    .isAfterOrEqualTo(java.time.Instant.parse(entry.getString("start")));
            assertThat(entry.getJsonArray("deliveries").getJsonObject(0).getString("node")).isEqualTo(node);
            assertThat(log.encode()).doesNotContain("Bản nháp " + zone);
            assertThat(province.clerkB.get("/api/v1/reports/log").json().encode()).doesNotContain(title);

            var xlsx = province.clerkA.get("/api/v1/reports/log?format=xlsx");
            assertThat(xlsx.status()).as(xlsx.toString()).isEqualTo(200);
            try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.bytes()))) {
                var sheet = book.getSheetAt(0);
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("UBND XÃ AN BÌNH");
                var row = java.util.stream.IntStream.rangeClosed(0, sheet.getLastRowNum()).mapToObj(sheet::getRow)
                        .filter(r -> r != null && r.getCell(3) != null && title.equals(r.getCell(3).getStringCellValue()))
                        .findFirst().orElseThrow();
                assertThat(row.getCell(6).getStringCellValue()).isEqualTo("Thôn Nhật Ký");
                assertThat(row.getCell(8).getStringCellValue()).isEqualTo("Cán bộ approver-a");
                assertThat(row.getCell(9).getStringCellValue()).isEqualTo("Đã phát");
            }
            var pdf = province.clerkA.get("/api/v1/reports/log?format=pdf");
            assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
            try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.bytes())) {
                String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
                // Cells wrap, and a line of the page runs across columns: check words that fit their cell.
                assertThat(text).contains("SỔ NHẬT KÝ PHÁT THANH", "UBND XÃ AN BÌNH", "Thôn Nhật Ký", "Lịch",
                        "LÃNH ĐẠO UBND XÃ");
            }

            JsonObject month = province.clerkA.get("/api/v1/reports/log/monthly").json();
            JsonObject village = month.getJsonArray("zones").stream().map(JsonObject.class::cast)
                    .filter(z -> z.getString("zone").equals("Thôn Nhật Ký")).findFirst().orElseThrow();
            assertThat(village.getLong("airings")).isEqualTo(1);
            try (var doc = org.apache.pdfbox.Loader.loadPDF(
                    province.clerkA.get("/api/v1/reports/log/monthly?format=pdf").bytes())) {
                assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("Thôn Nhật Ký");
            }
        }
        assertRefused(province.clerkA.get("/api/v1/reports/log?from=2026-12-07&to=2026-12-01"), 400, "invalid_period");
        assertRefused(province.clerkA.get("/api/v1/reports/log?from=2020-01-01&to=2026-12-01"), 400, "invalid_period");
        assertRefused(province.clerkA.get("/api/v1/reports/log?format=doc"), 400, "invalid_request");
        assertRefused(province.clerkA.get("/api/v1/reports/log/monthly?month=2026-13"), 400, "invalid_request");
        assertRefused(anonymous().get("/api/v1/reports/log"), 401, "unauthorized");
    }

    /** The presence rows and the reports' SQL are new: both database engines. */
    static Stream<String> engines() {
        return Stream.of("H2", "PostgreSQL");
    }
}
