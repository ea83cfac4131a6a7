package vn.loa.server.node;

import io.vertx.core.json.JsonObject;
import java.util.Locale;
import vn.loa.core.model.Node;
import vn.loa.core.model.NodeKind;
import vn.loa.server.device.DeviceRoutes;
import vn.loa.server.http.TextInput;
import vn.loa.server.refusal.Refusal;

/** The JSON shape of a loudspeaker node, and the checks a body must pass to become one. */
public final class NodeJson {

    private NodeJson() {
    }

    public static DeviceRoutes.Json<Node> shape() {
        return new DeviceRoutes.Json<>(NodeJson::read, NodeJson::write);
    }

    /** RTP nodes need an address; agents announce themselves, so an address given for one is dropped. */
    static Node read(JsonObject body, String id) {
        NodeKind kind = NodeKind.valueOf(body.getString("kind").toUpperCase(Locale.ROOT));
        String codec = body.getString("codec");
        if (body.containsKey("lat") != body.containsKey("lon")) {
            throw Refusal.invalid(
                    "invalid_request", "Hãy nhập cả vĩ độ (lat) và kinh độ (lon) của loa, hoặc bỏ "
                    + "trống cả hai.", body.containsKey("lat") ? "lon" : "lat");
        }
        return new Node(id,
                TextInput.required(TextInput.name(body.getString("name"), "name"), "name"),
                body.getString("zone"),
                kind,
                kind == NodeKind.RTP ? NodeAddress.require(body.getString("address")) : null,
                codec == null ? null : codec.toUpperCase(Locale.ROOT),
                body.getDouble("lat"), body.getDouble("lon"), OnHours.checked(body.getString("onHours")));
    }

    public static JsonObject write(Node node) {
        return new JsonObject().put("id", node.id()).put("name", node.name()).put("zone", node.zone())
                .put("kind", node.kind().wireName()).put("address", node.address()).put("codec", node.codec())
                .put("lat", node.lat()).put("lon", node.lon()).put("onHours", node.onHours());
    }
}
