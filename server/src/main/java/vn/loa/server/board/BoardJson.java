package vn.loa.server.board;

import io.vertx.core.json.JsonObject;
import vn.loa.core.model.Board;
import vn.loa.core.model.BoardKind;
import vn.loa.server.device.DeviceRoutes;
import vn.loa.server.http.TextInput;
import vn.loa.server.layout.LayoutCatalog;
import vn.loa.server.refusal.Refusal;

/** The JSON shape of a display board. */
public final class BoardJson {

    private BoardJson() {
    }

    /** @param layouts where the board's layout is looked up (a template or a custom one) */
    public static DeviceRoutes.Json<Board> shape(LayoutCatalog layouts) {
        return new DeviceRoutes.Json<>((body, id) -> read(body, id, layouts), BoardJson::write);
    }

    static Board read(JsonObject body, String id, LayoutCatalog layouts) {
        if (body.containsKey("lat") != body.containsKey("lon")) {
            throw Refusal.invalid("invalid_request", "Hãy nhập cả vĩ độ (lat) và kinh độ (lon) của bảng tin, hoặc bỏ "
                    + "trống cả hai.", body.containsKey("lat") ? "lon" : "lat");
        }
        Board board = new Board(id,
                TextInput.required(TextInput.name(body.getString("name"), "name"), "name"),
                body.getString("zone"),
                BoardKind.valueOf(body.getString("kind")),
                body.getInteger("width"),
                body.getInteger("height"),
                body.getString("driver"),
                body.getString("orientation", "LANDSCAPE"),
                body.getInteger("colourBits", 8),
                body.getString("brightness"),
                body.getDouble("lat"),
                body.getDouble("lon"),
                body.getString("layout"));
        try {
            layouts.forBoard(board.layout(), vn.loa.display.BoardProfile.of(board));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("invalid_board", "Thông số bảng tin không hợp lệ: " + e.getMessage());
        }
        return board;
    }

    public static JsonObject write(Board board) {
        return new JsonObject().put("id", board.id()).put("name", board.name()).put("zone", board.zone())
                .put("kind", board.kind().name()).put("width", board.width()).put("height", board.height())
                .put("driver", board.driver()).put("orientation", board.orientation())
                .put("colourBits", board.colourBits()).put("brightness", board.brightness())
                .put("lat", board.lat()).put("lon", board.lon())
                .put("layout", board.layout() == null ? "full" : board.layout());
    }
}
