package vn.loa.plugins.portalnews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import vn.loa.plugin.ContentItem;
import vn.loa.plugin.ContentSourceContract;
import vn.loa.plugin.InvalidSettingsException;
import vn.loa.plugin.Plugin;
import vn.loa.plugin.RecordingContext;
import vn.loa.plugin.Settings;

/** portal-news against a local web server with saved portal pages, feeds written for the test, and broken ones. */
class PortalNewsTest implements ContentSourceContract {

    private static final PortalServer PORTAL = new PortalServer();

    @AfterAll
    static void stopPortal() {
        PORTAL.close();
    }

    @Override
    public Plugin plugin() {
        return new PortalNews();
    }

    @Override
    public Settings workingSettings() {
        return settings(Map.of("feeds", List.of(PORTAL.base() + "/rss", PORTAL.base() + "/atom")));
    }

    @Override
    public Settings brokenSettings() {
        return settings(Map.of("feeds", List.of("ftp://cong-thong-tin/rss")));
    }

    private static Settings settings(Map<String, Object> sources) {
        Settings s = Settings.EMPTY.with("zones", List.of("xa-an-binh")).with("intervalSeconds", 60)
                .with("timeoutSeconds", 5).with("skipExisting", false);
        for (var e : sources.entrySet()) {
            s = s.with(e.getKey(), e.getValue());
        }
        return s;
    }

    private static Map<String, Object> listing() {
        return Map.of("url", PORTAL.base() + "/tin-tuc", "item", "ul.danh-sach-tin li.tin", "title", ".tieu-de",
                "link", ".tieu-de a", "text", ".tom-tat");
    }

    private static List<ContentItem> pollOnce(RecordingContext context) throws Exception {
        PortalNews plugin = new PortalNews();
        plugin.start(context);
        try {
            return plugin.poll();
        } finally {
            plugin.stop();
        }
    }

    @Test
    void rssItemsBecomeItemsWithCleanTextKeyedByTheirGuid() throws Exception {
        List<ContentItem> items = pollOnce(new RecordingContext(workingSettings()));
        ContentItem power = items.stream().filter(i -> i.key().equals("anbinh-tb-1021")).findFirst().orElseThrow();
        assertThat(power.title()).isEqualTo("Thông báo lịch cắt điện ngày 05/12/2026");
        assertThat(power.text()).isEqualTo(
                "Điện lực huyện thông báo cắt điện từ 7 giờ đến 11 giờ ngày 05/12/2026 tại thôn Tây & thôn Bắc.");
        assertThat(power.link()).isEqualTo(PORTAL.base() + "/tin/cat-dien");
        assertThat(power.published()).isEqualTo(java.time.Instant.parse("2026-11-30T01:00:00Z"));
        assertThat(power.zones()).containsExactly("xa-an-binh");
        ContentItem course = items.stream().filter(i -> i.key().endsWith("/tin/hoc-nghe")).findFirst().orElseThrow();
        assertThat(course.title()).isEqualTo("Tuyển sinh lớp học nghề <miễn phí>");
        assertThat(course.text()).isEqualTo("Trung tâm giáo dục nghề nghiệp tuyển sinh lớp sửa chữa máy nông nghiệp.");
    }

    @Test
    void atomEntriesAreReadToo() throws Exception {
        List<ContentItem> items = pollOnce(new RecordingContext(workingSettings()));
        ContentItem cold = items.stream().filter(i -> i.key().equals("urn:anbinh:pctt:17")).findFirst().orElseThrow();
        assertThat(cold.title()).isEqualTo("Khuyến cáo phòng chống rét đậm cho vật nuôi");
        assertThat(cold.text()).isEqualTo("Bà con che chắn chuồng trại, giữ ấm cho trâu bò.");
        assertThat(cold.link()).isEqualTo(PORTAL.base() + "/tin/ret-dam");
    }

    @Test
    void aPortalPageIsReadWithTheAdminsSelectorsAndArticlesGiveTheText() throws Exception {
        Settings settings = settings(Map.of("pages", List.of(listing()))).with("article", ".noi-dung");
        RecordingContext context = new RecordingContext(settings);
        List<ContentItem> items = pollOnce(context);

        assertThat(items).extracting(ContentItem::title).containsExactly("Lịch tiêm phòng gia súc đợt 2 năm 2026",
                "Họp dân thôn Đông về làm đường giao thông nông thôn", "Bài chưa đăng đầy đủ");
        assertThat(items.get(0).key()).isEqualTo(PORTAL.base() + "/tin/lich-tiem-phong-gia-suc");
        assertThat(items.get(0).text()).startsWith("Lịch tiêm phòng gia súc đợt 2 năm 2026 Thực hiện kế hoạch")
                .contains("giữ gia súc tại chuồng & phối hợp với cán bộ thú y.")
                .doesNotContain("Chia sẻ").doesNotContain("<");
        // Unclosed paragraphs on the article page do not lose text.
        assertThat(items.get(1).text()).contains("dài 1,2 km").contains("Kính mời đại diện các hộ gia đình");
        // An article that cannot be fetched keeps the listing's summary, and the plugin says why.
        assertThat(items.get(2).text()).isEqualTo("Tóm tắt của bài chưa có trang chi tiết.");
        assertThat(context.problems()).anyMatch(p -> p.contains("/tin/khong-co-bai") && p.contains("HTTP 404"));
    }

    @Test
    void articlesItHasSeenAreRememberedAcrossRestartsAndNotFetchedAgain() throws Exception {
        Settings settings = settings(Map.of("pages", List.of(listing()))).with("article", ".noi-dung");
        RecordingContext context = new RecordingContext(settings);
        List<ContentItem> before = pollOnce(context);
        int fetched = PORTAL.hits("/tin/hop-dan-thon-dong");

        List<ContentItem> after = pollOnce(new RecordingContext(settings, context.dataDir()));

        assertThat(after).extracting(ContentItem::text)
                .containsExactlyElementsOf(before.stream().map(ContentItem::text).toList());
        assertThat(PORTAL.hits("/tin/hop-dan-thon-dong")).as("fetched once only").isEqualTo(fetched);
        // The one it could not fetch is tried again.
        assertThat(PORTAL.hits("/tin/khong-co-bai")).isGreaterThan(1);
    }

    @Test
    void brokenFeedsAndUnreachablePortalsDoNotStopTheGoodSources() throws Exception {
        Settings settings = settings(Map.of("feeds", List.of(PORTAL.base() + "/hong", PORTAL.base() + "/rac",
                PORTAL.base() + "/khong-co", "http://127.0.0.1:9/rss", PORTAL.base() + "/rss")));
        RecordingContext context = new RecordingContext(settings);
        List<ContentItem> items = pollOnce(context);

        assertThat(items).extracting(ContentItem::key).contains("anbinh-tb-1021", "hong-1");
        assertThat(items).allSatisfy(i -> assertThat(i.title()).isNotBlank());
        assertThat(context.problems()).hasSize(1);
        assertThat(context.problems().get(0)).contains("/khong-co: HTTP 404").contains("127.0.0.1:9/rss");
    }

    @Test
    void withSkipExistingWhatASourceHeldAtItsFirstReadingIsNeverProposedButLaterNewsIs() throws Exception {
        try (PortalServer portal = new PortalServer()) {
            Settings settings = settings(Map.of("feeds", List.of(portal.base() + "/rss"),
                    "pages", List.of(listing()))).with("skipExisting", true);
            RecordingContext context = new RecordingContext(settings);
            assertThat(pollOnce(context)).as("the backlog").isEmpty();

            // The portal publishes more: the page's items are already known; the feed's second reading has news.
            portal.extraItem = "<item><title>Tin mới: phát thẻ BHYT</title><guid>anbinh-tb-1022</guid>"
                    + "<description>Bà con nhận thẻ bảo hiểm y tế tại nhà văn hóa.</description></item>";
            List<ContentItem> later = pollOnce(new RecordingContext(settings, context.dataDir()));
            assertThat(later).extracting(ContentItem::key).containsExactly("anbinh-tb-1022");
        }
    }

    @Test
    void aPollWhereEverythingWorksClearsAnEarlierProblem() throws Exception {
        RecordingContext context = new RecordingContext(workingSettings());
        pollOnce(context);
        assertThat(context.problems()).containsExactly("recovered");
    }

    @Test
    void settingsAreCheckedWithMessagesTheAdminCanActOn() {
        assertThatThrownBy(() -> new PortalNews().validate(Settings.EMPTY.with("zones", List.of("xa"))))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("nguồn tin");
        assertThatThrownBy(() -> new PortalNews().validate(Settings.EMPTY.with("feeds", List.of(PORTAL.base()))))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("zones");
        assertThatThrownBy(() -> new PortalNews().validate(settings(Map.of("pages", List.of(Map.of("url",
                PORTAL.base(), "item", "li[[")))))).isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("li[[");
        assertThatThrownBy(() -> new PortalNews().validate(workingSettings().with("intervalSeconds", 0)))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("intervalSeconds");
        assertThatThrownBy(() -> new PortalNews().validate(workingSettings().with("feeds", "một chuỗi")))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("feeds");
    }
}
