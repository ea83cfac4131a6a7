package vn.loa.display.layout;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The layout templates shipped in {@code assets/layouts} (copied into the jar), read and checked once, and the reading
 * of a layout from its JSON. Immutable after class loading.
 */
public final class Layouts {

    /** Where the templates are on the class path. */
    public static final String RESOURCE_DIR = "/vn/loa/display/layouts/";
    /** The shipped templates, in the order a clerk is offered them. */
    public static final List<String> TEMPLATES = List.of("full", "header-main-ticker", "header-main-side-ticker",
            "portrait-header-main-ticker", "led-clock-main", "header-main-gallery-ticker");

    private static final Map<String, Layout> SHIPPED = load();

    private Layouts() {
    }

    public static List<Layout> all() {
        return List.copyOf(SHIPPED.values());
    }

    /**
     * The template of that name; {@link Layout#FULL} for null or blank (a board without a layout).
     *
     * @throws IllegalArgumentException for a name no template has
     */
    public static Layout named(String name) {
        if (name == null || name.isBlank()) {
            return Layout.FULL;
        }
        Layout found = SHIPPED.get(name);
        if (found == null) {
            throw new IllegalArgumentException("không có bố cục '" + name + "'; có: " + String.join(", ", TEMPLATES));
        }
        return found;
    }

    /**
     * The template of that name for a board, whose canvas must lie the same way as the template's (a portrait layout
     * on a portrait board): stretched a quarter turn, every region would be distorted.
     *
     * @throws IllegalArgumentException for an unknown name or a template lying the other way
     */
    public static Layout forBoard(String name, vn.loa.display.BoardProfile board) {
        return fit(named(name), board);
    }

    /**
     * The layout, a template or a custom one, if it lies the same way as the board's canvas.
     *
     * @throws IllegalArgumentException for a layout lying the other way
     */
    public static Layout fit(Layout layout, vn.loa.display.BoardProfile board) {
        String name = layout.name();
        boolean portraitLayout = layout.height() > layout.width();
        boolean portraitBoard = board.canvasHeight() > board.canvasWidth();
        if (!layout.isFull() && portraitLayout != portraitBoard) {
            throw new IllegalArgumentException("bố cục " + name + " dành cho màn hình "
                    + (portraitLayout ? "dọc" : "ngang") + ", bảng tin này " + (portraitBoard ? "dọc" : "ngang"));
        }
        return layout;
    }

    /**
     * A layout from its JSON: {@code {"name","title","width","height","regions":[{"name","x","y","width","height",
     * "z","widget","text"}]}}.
     *
     * @throws IllegalArgumentException for JSON that is not a valid layout, saying what is wrong
     */
    public static Layout read(String json) {
        try {
            JsonObject o = new JsonObject(json);
            List<Region> regions = new ArrayList<>();
            JsonArray list = o.getJsonArray("regions", new JsonArray());
            for (int i = 0; i < list.size(); i++) {
                JsonObject r = list.getJsonObject(i);
                regions.add(new Region(r.getString("name"), r.getInteger("x", 0), r.getInteger("y", 0),
                        r.getInteger("width", 0), r.getInteger("height", 0), r.getInteger("z", 0),
                        Widget.valueOf(r.getString("widget", "").toUpperCase(java.util.Locale.ROOT)),
                        r.getString("text")));
            }
            return new Layout(o.getString("name"), o.getString("title", o.getString("name")),
                    o.getInteger("width", 0), o.getInteger("height", 0), regions);
        } catch (DecodeException | ClassCastException e) {
            throw new IllegalArgumentException("bố cục không đọc được: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("No enum constant")) {
                throw new IllegalArgumentException("widget phải là một trong " + List.of(Widget.values()), e);
            }
            throw e;
        }
    }

    private static Map<String, Layout> load() {
        Map<String, Layout> layouts = new LinkedHashMap<>();
        for (String name : TEMPLATES) {
            try (InputStream in = Layouts.class.getResourceAsStream(RESOURCE_DIR + name + ".json")) {
                if (in == null) {
                    throw new IllegalStateException("layout " + name + " is missing from the class path (assets/layouts)");
                }
                Layout layout = read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                if (!layout.name().equals(name)) {
                    throw new IllegalStateException("layout file " + name + ".json names itself " + layout.name());
                }
                layouts.put(name, layout);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return layouts;
    }
}
