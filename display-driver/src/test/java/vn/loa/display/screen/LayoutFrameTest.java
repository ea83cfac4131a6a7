package vn.loa.display.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.loa.display.Pictures.ink;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.core.model.Board;
import vn.loa.core.model.BoardKind;
import vn.loa.display.BoardProfile;
import vn.loa.display.layout.Layout;
import vn.loa.display.layout.Layouts;
import vn.loa.display.layout.Region;
import vn.loa.display.layout.Widget;

/** Frames of layouts compared region by region: each widget inside its region, the playlist as drawn alone. */
class LayoutFrameTest {

    /** 10:00 on Tết 2024 in Hà Nội. */
    private static final Instant TET = Instant.parse("2024-02-10T03:00:00Z");
    private static final PlaylistItem NOTICE = new PlaylistItem("i1", PlaylistItem.Kind.TEXT,
            "Thông báo tiêm chủng", "Trạm y tế xã tiêm vắc-xin sởi cho trẻ từ 9 tháng tuổi, sáng thứ Bảy tại nhà văn hoá thôn Đồng.",
            null, null, 10, Set.of(), null, null);

    @TempDir
    Path dir;

    private Screen screen(Board board, String layout, List<String> ticker) {
        BoardProfile p = BoardProfile.of(board);
        return new Screen(board, p, "/r/", List.of(new Screen.Entry(NOTICE, 0, 1, 10)), null, 1, Layouts.named(layout),
                ticker);
    }

    private static Board lcd(String name) {
        return new Board("b1", name, "z", BoardKind.LCD, 1920, 1080, null);
    }

    @Test
    void theFullLayoutDrawsExactlyWhatBoardsShowedBefore() {
        ScreenRenderer r = new ScreenRenderer(new MediaStore(dir));
        Screen s = screen(lcd("UBND xã"), null, List.of());
        assertSame(r.entry(s.profile(), s.entries().get(0)), r.now(s, TET));
    }

    @Test
    void thePlaylistRegionHoldsTheSlideAsDrawnAtItsSizeAndTheWidgetsStayInTheirs() {
        ScreenRenderer r = new ScreenRenderer(new MediaStore(dir));
        Screen s = screen(lcd("UBND xã Đồng Tâm"), "header-main-ticker", List.of("Họp thôn tối nay lúc 19 giờ"));
        BufferedImage frame = r.now(s, TET);
        Layout l = s.layout();
        assertEquals(1920, frame.getWidth());

        Rectangle main = l.place(l.playlist(), 1920, 1080);
        BufferedImage alone = r.entry(l.playlistProfile(s.profile()), s.entries().get(0));
        assertEquals(main.getSize(), new java.awt.Dimension(alone.getWidth(), alone.getHeight()));
        assertTrue(samePixels(frame, main, alone), "the playlist region is the slide drawn at its size, not cut");

        for (String name : List.of("header", "date", "clock", "ticker")) {
            Rectangle at = l.place(region(l, name), 1920, 1080);
            Rectangle ink = ink(frame, at);
            assertNotNull(ink, name + " draws something");
            assertTrue(ink.x > at.x && ink.y > at.y && ink.getMaxX() < at.getMaxX() && ink.getMaxY() < at.getMaxY(),
                    name + ": ink " + ink + " touches the edge of " + at + " (clipped)");
        }
    }

    @Test
    void toneMarksAboveCapitalsAreDrawnInsideTheHeader() {
        ScreenRenderer r = new ScreenRenderer(new MediaStore(dir));
        Layout l = Layouts.named("header-main-ticker");
        Rectangle at = l.place(region(l, "header"), 1920, 1080);
        Rectangle marked = ink(r.now(screen(lcd("ẤP ĐỒNG"), l.name(), List.of()), TET), at);
        Rectangle plain = ink(r.now(screen(lcd("AP DONG"), l.name(), List.of()), TET), at);
        // Both fitted in the same box: the marked one is taller (its marks) and still inside the region.
        assertTrue(marked.y < plain.y || marked.height > plain.height, marked + " vs " + plain);
        assertTrue(marked.y > at.y, "the marks over Ấ and Ồ are not cut by the region's top");
    }

    @Test
    void toneMarksStayWholeInsideTheContentRegionOfAnLedMatrix() {
        ScreenRenderer r = new ScreenRenderer(new MediaStore(dir));
        Board led = new Board("l", "Cổng chợ", "z", BoardKind.LED, 128, 64, "ddp");
        Layout l = Layouts.named("led-clock-main");
        Rectangle main = l.place(l.playlist(), 128, 64);
        Rectangle marked = ink(r.now(ledScreen(led, "ẤP ĐỒNG"), TET), main);
        Rectangle plain = ink(r.now(ledScreen(led, "AP DONG"), TET), main);
        assertNotNull(marked);
        // On the matrix's small font the marks over Ấ and Ồ still rise above the plain capitals, inside the region.
        assertTrue(marked.y < plain.y || marked.height > plain.height, marked + " vs " + plain);
        assertTrue(marked.y > main.y && marked.getMaxY() < main.getMaxY(), "nothing clipped: " + marked + " in " + main);
    }

    private static Screen ledScreen(Board led, String title) {
        PlaylistItem item = new PlaylistItem("t-" + title.hashCode(), PlaylistItem.Kind.TEXT, title, "", null, null, 10,
                Set.of(), null, null);
        return new Screen(led, BoardProfile.of(led), "/r/", List.of(new Screen.Entry(item, 0, 1, 10)), null, 1,
                Layouts.named("led-clock-main"), List.of());
    }

    @Test
    void theClockFollowsTheMinuteAndAnEmptyTickerOrWeatherIsABlankPanel() {
        ScreenRenderer r = new ScreenRenderer(new MediaStore(dir));
        Screen s = screen(lcd("UBND xã"), "header-main-side-ticker", List.of());
        Layout l = s.layout();
        Rectangle clock = l.place(region(l, "clock"), 1920, 1080);
        BufferedImage at10 = r.now(s, TET);
        assertSame(at10, r.now(s, TET.plusSeconds(30)), "drawn once a minute");
        BufferedImage at1001 = r.now(s, TET.plusSeconds(60));
        assertFalse(samePixels(at1001, clock, at10.getSubimage(clock.x, clock.y, clock.width, clock.height)));
        for (String name : List.of("weather", "ticker")) {
            Rectangle at = l.place(region(l, name), 1920, 1080);
            assertEquals(null, ink(at10, at), name + " is an empty panel");
        }
    }

    @Test
    void theDateRegionShowsTheSolarAndLunarDate() {
        var lines = new vn.loa.display.render.LayoutRendererProbe().dateLines(TET);
        assertEquals(List.of("Thứ Bảy, 10/02/2024", "Âm lịch 1/1 Giáp Thìn"), lines);
    }

    @Test
    void portraitAndLedBoardsTakeTheirVariants() {
        ScreenRenderer r = new ScreenRenderer(new MediaStore(dir));
        Board portrait = new Board("p", "Nhà văn hoá", "z", BoardKind.LCD, 1920, 1080, null, "PORTRAIT", 8, null);
        BufferedImage panel = r.now(screen(portrait, "portrait-header-main-ticker", List.of("Mất điện chiều nay")), TET);
        assertEquals(1920, panel.getWidth());
        assertEquals(1080, panel.getHeight());

        Board led = new Board("l", "Cổng chợ", "z", BoardKind.LED, 128, 64, "ddp");
        Screen s = screen(led, "led-clock-main", List.of());
        BufferedImage frame = r.now(s, TET);
        Rectangle clock = s.layout().place(region(s.layout(), "clock"), 128, 64);
        assertNotNull(ink(frame, clock), "the clock is drawn on a 128×64 matrix");
        assertEquals(48, s.layout().playlistProfile(s.profile()).height());
    }

    @Test
    void aRegionTooSmallForTheBoardIsSkippedNotBroken() throws Exception {
        Layout tiny = new Layout("tiny", "t", 1920, 1080, List.of(
                new Region("main", 0, 0, 1920, 1070, 0, Widget.PLAYLIST, null),
                new Region("line", 0, 1070, 1920, 10, 1, Widget.TICKER, null)));
        Board b = new Board("t", "T", "z", BoardKind.LED, 64, 32, null);
        ScreenRenderer r = new ScreenRenderer(new MediaStore(dir));
        Screen s = new Screen(b, BoardProfile.of(b), "/r/", List.of(), null, 1, tiny, List.of("x"));
        assertEquals(64, r.now(s, TET).getWidth());
        Files.write(dir.resolve("frame.png"), r.png(r.now(s, TET)));
        assertNotEquals(0, Files.size(dir.resolve("frame.png")));
    }

    @Test
    void anOverlayIsABandOverTheFootOfWhateverPlaysTheRestUntouched() {
        ScreenRenderer r = new ScreenRenderer(new MediaStore(dir));
        Screen plain = screen(lcd("UBND xã"), "header-main-ticker", List.of());
        Screen over = new Screen(plain.board(), plain.profile(), "/r/", plain.entries(), null, 1, plain.layout(),
                List.of(), List.of(), "Đang phát: Thông báo lịch cắt điện ngày 9/12");
        BufferedImage frame = r.now(plain, TET);
        BufferedImage shown = r.now(over, TET);
        Rectangle band = vn.loa.display.render.OverlayRenderer.band(1920, 1080);
        assertEquals(new Rectangle(0, 1080 - 154, 1920, 154), band);
        assertTrue(samePixels(shown, new Rectangle(0, 0, 1920, band.y), frame.getSubimage(0, 0, 1920, band.y)),
                "above the band the frame is untouched");
        Rectangle ink = ink(shown, band);
        assertNotNull(ink, "the notice is written in the band");
        assertTrue(band.contains(ink) && ink.y > band.y && ink.getMaxY() < band.getMaxY(), "nothing clipped: " + ink);
        assertTrue(samePixels(shown, band, r.overlay(over.profile(), over.overlay())),
                "the band is the overlay the web player lays over its frame");
        assertSame(frame, r.now(plain, TET), "the cached frame itself was not drawn on");
    }

    @Test
    void twoPlaylistRegionsShowTheirOwnItemsAtTheSameInstant() {
        ScreenRenderer r = new ScreenRenderer(new MediaStore(dir));
        Layout l = Layouts.named("header-main-gallery-ticker");
        PlaylistItem market = side("s1", "Chợ phiên Đồng Tâm");
        PlaylistItem bridge = side("s2", "Cầu treo mới khánh thành");
        List<Screen.Entry> sides = List.of(new Screen.Entry(market, 0, 1, 10), new Screen.Entry(bridge, 0, 1, 10));
        Screen s = new Screen(lcd("UBND xã"), BoardProfile.of(lcd("UBND xã")), "/r/",
                List.of(new Screen.Entry(NOTICE, 0, 1, 30)), null, 1, l, List.of(), List.of(), null, List.of(),
                java.util.Map.of("side", sides));
        Rectangle main = l.place(l.playlist(), 1920, 1080);
        Region sideRegion = l.sidePlaylists().get(0);
        Rectangle side = l.place(sideRegion, 1920, 1080);
        assertEquals("side", sideRegion.name());
        // The epoch clock: the main region's 30 s notice spans both instants, the side column turns every 10 s.
        Instant first = Instant.ofEpochSecond(1_700_000_040L);
        Instant second = first.plusSeconds(10);
        assertEquals(market, s.entryAt("side", first).item());
        assertEquals(bridge, s.entryAt("side", second).item());
        for (Instant at : List.of(first, second)) {
            BufferedImage frame = r.now(s, at);
            assertTrue(samePixels(frame, main, r.entry(l.playlistProfile(s.profile()), s.entryAt(at))),
                    "the main region shows the notice at " + at);
            BufferedImage own = r.region(s, "side", s.entryAt("side", at));
            assertEquals(side.getSize(), new java.awt.Dimension(own.getWidth(), own.getHeight()));
            assertTrue(samePixels(frame, side, own), "the side region shows its own item at " + at);
            assertTrue(samePixels(r.regionOnPanel(s, "side", s.entryAt("side", at)),
                    new Rectangle(side.getSize()), own), "the web player lays the same picture over its frame");
        }
        assertFalse(samePixels(r.now(s, first), side, r.region(s, "side", s.entryAt("side", second))),
                "the side column turned while the notice stayed");
    }

    @Test
    void aSideRegionWithNothingAssignedIsAnEmptyPanel() {
        ScreenRenderer r = new ScreenRenderer(new MediaStore(dir));
        Screen s = screen(lcd("UBND xã"), "header-main-gallery-ticker", List.of());
        Layout l = s.layout();
        assertEquals(null, ink(r.now(s, TET), l.place(l.sidePlaylists().get(0), 1920, 1080)));
    }

    private static PlaylistItem side(String id, String title) {
        return new PlaylistItem(id, PlaylistItem.Kind.TEXT, title, "", null, null, 10, Set.of(), null, null, "side");
    }

    private static Region region(Layout l, String name) {
        return l.regions().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static boolean samePixels(BufferedImage frame, Rectangle at, BufferedImage expected) {
        for (int y = 0; y < at.height; y++) {
            for (int x = 0; x < at.width; x++) {
                if (frame.getRGB(at.x + x, at.y + y) != expected.getRGB(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }
}
