package vn.loa.server.air;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.jdbi.v3.core.Jdbi;
import vn.loa.core.media.StreamCodec;
import vn.loa.core.model.Node;
import vn.loa.core.model.NodeKind;
import vn.loa.core.model.Zone;
import vn.loa.server.http.RequestCaller;
import vn.loa.wire.rtp.SdpWriter;
import vn.loa.wire.rtp.StreamDescription;
import vn.loa.server.access.Caller;
import vn.loa.server.http.Blocking;
import vn.loa.server.node.NodeRepository;
import vn.loa.server.refusal.Refusal;
import vn.loa.server.zone.ZoneGuard;

/**
 * {@code GET /api/v1/streams/{zone}.sdp}: the SDP a standard receiver (VLC, ffplay, GStreamer, an IP speaker) plays a
 * zone's stream from: the zone's multicast group, or with {@code ?node=} the unicast stream to that RTP node.
 */
public final class StreamRoutes {

    private final Jdbi jdbi;
    private final ZoneGuard zones;
    private final NodeRepository nodes;
    private final Blocking blocking;

    public StreamRoutes(Jdbi jdbi, ZoneGuard zones, NodeRepository nodes, Blocking blocking) {
        this.jdbi = jdbi;
        this.zones = zones;
        this.nodes = nodes;
        this.blocking = blocking;
    }

    public void mount(RouterBuilder api) {
        api.getRoute("streamDescription").addHandler(this::sdp);
    }

    private void sdp(RoutingContext ctx) {
        Caller caller = RequestCaller.of(ctx);
        String file = ctx.pathParam("file");
        String zoneId = file.substring(0, file.length() - ".sdp".length());
        String nodeId = ctx.queryParams().get("node");
        InetAddress origin = InetAddress.getLoopbackAddress();
        if (ctx.request().localAddress() != null && ctx.request().localAddress().hostAddress() != null) {
            origin = new InetSocketAddress(ctx.request().localAddress().hostAddress(), 0).getAddress();
        }
        InetAddress sender = origin;
        blocking.run(() -> jdbi.withHandle(h -> {
            Zone zone = zones.inScope(h, caller, zoneId);
            Node target = nodeId == null ? AirTargets.multicastNode(zone).orElseThrow(() -> Refusal.notFound(
                    "luồng multicast của khu vực (hãy thêm ?node=<mã loa RTP> hoặc đặt nhóm multicast cho khu vực)",
                    zoneId)) : rtpNodeIn(h, caller, zone, nodeId);
            return describe(zone, target, sender, ZoneStreams.keyOf(target, AirTargets.opusPacketTime(h, zone.id()))
                    .packetTime());
        })).onSuccess(sdp -> ctx.response().putHeader("Content-Type", "application/sdp; charset=utf-8")
                .putHeader("Content-Disposition", "inline; filename=\"" + zoneId + ".sdp\"").end(sdp))
                .onFailure(ctx::fail);
    }

    private Node rtpNodeIn(org.jdbi.v3.core.Handle h, Caller caller, Zone zone, String nodeId) {
        Node node = nodes.find(h, nodeId).filter(s -> caller.covers(s.zonePath())).map(s -> s.value())
                .orElseThrow(() -> Refusal.notFound("loa", nodeId));
        if (!node.zone().equals(zone.id()) || node.kind() != NodeKind.RTP) {
            throw Refusal.invalid("not_an_rtp_node_of_zone", "Loa '" + nodeId + "' không phải loa RTP của khu vực '"
                    + zone.id() + "'. Luồng của đầu thu Loa đi qua kênh điều khiển, không cần SDP.");
        }
        return node;
    }

    private static String describe(Zone zone, Node target, InetAddress origin, int packetTime) {
        String address = target.address();
        int colon = address.lastIndexOf(':');
        int port = Integer.parseInt(address.substring(colon + 1));
        if (port % 2 != 0) {
            throw Refusal.conflict("odd_port", "Cổng " + port + " là số lẻ; SDP cần cổng RTP chẵn (RTCP dùng cổng lẻ kế "
                    + "tiếp). Hãy đổi địa chỉ của loa sang một cổng chẵn.");
        }
        InetSocketAddress destination = new InetSocketAddress(address.substring(0, colon).replace("[", "")
                .replace("]", ""), port);
        if (destination.isUnresolved()) {
            throw Refusal.conflict("unresolved_address", "Không phân giải được địa chỉ " + address + ".");
        }
        StreamCodec codec = ZoneStreams.codecOf(target);
        CRC32 crc = new CRC32();
        crc.update((zone.id() + "/" + target.id()).getBytes(StandardCharsets.UTF_8));
        return SdpWriter.write(new StreamDescription(zone.name(), crc.getValue(), 1, origin, destination.getAddress(),
                1, port, codec.rtpMap(), packetTime));
    }
}
