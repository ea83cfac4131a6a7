package vn.loa.display.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import org.junit.jupiter.api.Test;

class LayoutsTest {

    @Test
    void everyShippedTemplateLoadsWithOnePlaylistRegionInsideItsCanvas() {
        assertEquals(Layouts.TEMPLATES, Layouts.all().stream().map(Layout::name).toList());
        for (Layout l : Layouts.all()) {
            Region main = l.playlist();
            assertTrue(main.width() > 0 && main.height() > 0, l.name());
        }
        assertTrue(Layouts.named("led-clock-main").width() <= 128);
        assertTrue(Layouts.named("portrait-header-main-ticker").height() > Layouts.named("portrait-header-main-ticker").width());
    }

    @Test
    void noLayoutIsTheFullScreenOfBefore() {
        assertSame(Layout.FULL, Layouts.named(null));
        assertSame(Layout.FULL, Layouts.named(" "));
        assertTrue(Layouts.named("full").isFull());
    }

    @Test
    void anUnknownNameSaysWhichExist() {
        var e = assertThrows(IllegalArgumentException.class, () -> Layouts.named("khong-co"));
        assertTrue(e.getMessage().contains("khong-co") && e.getMessage().contains("header-main-ticker"), e.getMessage());
    }

    @Test
    void aPortraitLayoutIsForPortraitBoardsOnly() {
        var tv = vn.loa.display.BoardProfile.of(new vn.loa.core.model.Board("tv", "TV", "z",
                vn.loa.core.model.BoardKind.LCD, 1920, 1080, null));
        var e = assertThrows(IllegalArgumentException.class, () -> Layouts.forBoard("portrait-header-main-ticker", tv));
        assertTrue(e.getMessage().contains("dọc"), e.getMessage());
        assertEquals("portrait-header-main-ticker",
                Layouts.forBoard("portrait-header-main-ticker", tv.withOrientation(vn.loa.display.Orientation.PORTRAIT)).name());
        assertSame(Layout.FULL, Layouts.forBoard(null, tv.withOrientation(vn.loa.display.Orientation.PORTRAIT)));
    }

    @Test
    void aRegionOutsideTheCanvasIsNamedInTheError() {
        var e = assertThrows(IllegalArgumentException.class, () -> Layouts.read("""
                {"name":"x","width":1920,"height":1080,"regions":[
                 {"name":"main","x":0,"y":0,"width":1920,"height":1000,"widget":"PLAYLIST"},
                 {"name":"ticker","x":0,"y":1000,"width":1920,"height":100,"widget":"TICKER"}]}"""));
        assertTrue(e.getMessage().contains("ticker") && e.getMessage().contains("ngoài khung"), e.getMessage());
    }

    @Test
    void duplicateNamesMissingPlaylistAndUnknownWidgetsAreRefused() {
        var dup = assertThrows(IllegalArgumentException.class, () -> Layouts.read("""
                {"name":"x","width":100,"height":100,"regions":[
                 {"name":"a","x":0,"y":0,"width":50,"height":50,"widget":"PLAYLIST"},
                 {"name":"a","x":50,"y":0,"width":50,"height":50,"widget":"CLOCK"}]}"""));
        assertTrue(dup.getMessage().contains("trùng"), dup.getMessage());
        var none = assertThrows(IllegalArgumentException.class, () -> Layouts.read("""
                {"name":"x","width":100,"height":100,"regions":[
                 {"name":"a","x":0,"y":0,"width":50,"height":50,"widget":"CLOCK"}]}"""));
        assertTrue(none.getMessage().contains("PLAYLIST"), none.getMessage());
        var widget = assertThrows(IllegalArgumentException.class, () -> Layouts.read("""
                {"name":"x","width":100,"height":100,"regions":[
                 {"name":"a","x":0,"y":0,"width":50,"height":50,"widget":"RADAR"}]}"""));
        assertTrue(widget.getMessage().contains("WEATHER"), widget.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Layouts.read("{not json"));
    }

    @Test
    void regionsScaleToTheBoardWithoutGaps() {
        Layout l = Layouts.named("header-main-ticker");
        Rectangle header = l.place(l.regions().stream().filter(r -> r.name().equals("header")).findFirst().orElseThrow(),
                640, 360);
        Rectangle main = l.place(l.playlist(), 640, 360);
        assertEquals(header.y + header.height, main.y);
        assertEquals(640, main.width);
    }
}
