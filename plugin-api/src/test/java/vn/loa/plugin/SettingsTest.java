package vn.loa.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings read as the admin wrote them, and say which key is wrong when a type does not fit. */
class SettingsTest {

    private final Settings settings = Settings.of(Map.of("url", "  http://xa.vn/rss ", "interval", 600,
            "ratio", 2.5, "on", true, "zones", List.of("thon-dong", " thon-tay"),
            "rules", List.of(Map.of("id", "song", "above", 3))));

    @Test
    void typedValuesComeOutTrimmedWithFallbacksForMissingKeys() {
        assertEquals("http://xa.vn/rss", settings.text("url", ""));
        assertEquals(600, settings.number("interval", 1));
        assertEquals(2.5, settings.decimal("ratio", 0));
        assertEquals(600.0, settings.decimal("interval", 0));
        assertTrue(settings.flag("on", false));
        assertEquals(List.of("thon-dong", "thon-tay"), settings.texts("zones"));
        assertEquals(3, settings.objects("rules").get(0).number("above", 0));
        assertEquals("x", settings.text("missing", "x"));
        assertEquals(List.of(), settings.texts("missing"));
    }

    @Test
    void aWrongTypeNamesTheKeyInTheMessage() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> settings.number("ratio", 0)).getMessage()
                .contains("'ratio'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> settings.text("interval", "")).getMessage()
                .contains("'interval'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> settings.objects("zones")).getMessage()
                .contains("'zones'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> settings.flag("url", false)).getMessage()
                .contains("'url'"));
    }

    @Test
    void withReturnsACopyAndNullRemovesAKey() {
        Settings changed = settings.with("interval", 60).with("on", null);
        assertEquals(60, changed.number("interval", 0));
        assertFalse(changed.has("on"));
        assertEquals(600, settings.number("interval", 0));
    }

    @Test
    void responsesQuoteTextAsJsonStrings() {
        assertEquals("\"Thôn \\\"Đông\\\"\\n\\u0001\"", PluginResponse.quote("Thôn \"Đông\"\n\u0001"));
        assertEquals("{\"error\":\"not_found\",\"message\":\"Không có\"}",
                PluginResponse.error(404, "not_found", "Không có").bodyText());
    }
}
