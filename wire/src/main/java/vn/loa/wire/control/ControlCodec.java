package vn.loa.wire.control;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import vn.loa.wire.control.ControlMessage.Heartbeat;
import vn.loa.wire.control.ControlMessage.Hello;
import vn.loa.wire.control.ControlMessage.MediaPath;
import vn.loa.wire.control.ControlMessage.Play;
import vn.loa.wire.control.ControlMessage.Played;
import vn.loa.wire.control.ControlMessage.Prefetch;
import vn.loa.wire.control.ControlMessage.Elsewhere;
import vn.loa.wire.control.ControlMessage.Refused;
import vn.loa.wire.control.ControlMessage.ReturnPath;
import vn.loa.wire.control.ControlMessage.Stop;
import vn.loa.wire.control.ControlMessage.Volume;
import vn.loa.wire.control.ControlMessage.Welcome;

/**
 * Converts control messages to and from their JSON text frames ({@code {"type":"hello", ...}}). Pure: text in,
 * messages out. Anything that is not a well-formed message of a known type is a {@link MalformedControlMessage}.
 */
public final class ControlCodec {

    /** The largest frame either side accepts; real messages are a few hundred bytes. */
    public static final int MAX_FRAME = 8192;

    private ControlCodec() {
    }

    public static String encode(ControlMessage message) {
        return json(message).encode();
    }

    // Java 17 has no pattern switch; the sealed interface keeps this chain complete by review.
    private static JsonObject json(ControlMessage message) {
        if (message instanceof Hello h) {
            return new JsonObject().put("type", "hello").put("id", h.nodeId()).put("token", h.token())
                    .put("codecs", new JsonArray(h.codecs())).put("rtpPort", h.rtpPort()).put("version", h.agentVersion());
        } else if (message instanceof Welcome w) {
            JsonObject json = new JsonObject().put("type", "welcome").put("heartbeatSeconds", w.heartbeatSeconds())
                    .put("codec", w.codec());
            if (w.returnPath() != null) {
                ReturnPath r = w.returnPath();
                json.put("keepalive", new JsonObject().put("host", r.host()).put("port", r.port())
                        .put("seconds", r.seconds()).put("key", r.key()));
            }
            return w.srtpKey() == null ? json : json.put("srtp", w.srtpKey());
        } else if (message instanceof MediaPath m) {
            return new JsonObject().put("type", "path").put("path", m.path());
        } else if (message instanceof Refused r) {
            return new JsonObject().put("type", "refused").put("reason", r.reason());
        } else if (message instanceof Elsewhere e) {
            JsonObject json = new JsonObject().put("type", "elsewhere").put("reason", e.reason());
            return e.owner().isEmpty() ? json : json.put("owner", e.owner());
        } else if (message instanceof Heartbeat b) {
            return new JsonObject().put("type", "heartbeat").put("state", b.state()).put("volume", b.volume())
                    .put("received", b.packetsReceived()).put("lost", b.packetsLost()).put("jitterMs", b.jitterMs())
                    .put("late", b.late()).put("recovered", b.recovered()).put("bufferMs", b.bufferMs());
        } else if (message instanceof Play p) {
            return new JsonObject().put("type", "play").put("announcement", p.announcement()).put("zone", p.zone())
                    .put("codec", p.codec()).put("payloadType", p.payloadType()).put("clockRate", p.clockRate())
                    .put("ssrc", p.ssrc()).put("roc", p.rolloverCounter()).put("sequence", p.sequence());
        } else if (message instanceof Prefetch f) {
            return new JsonObject().put("type", "prefetch").put("announcement", f.announcement())
                    .put("path", f.path()).put("sha256", f.sha256()).put("bytes", f.bytes())
                    .put("playAt", f.playAt().toString());
        } else if (message instanceof Stop s) {
            return new JsonObject().put("type", "stop").put("announcement", s.announcement()).put("reason", s.reason());
        } else if (message instanceof Volume v) {
            return new JsonObject().put("type", "volume").put("level", v.level());
        } else if (message instanceof Played p) {
            return new JsonObject().put("type", "played").put("announcement", p.announcement())
                    .put("outcome", p.outcome()).put("millis", p.millis()).put("detail", p.detail());
        }
        throw new IllegalArgumentException("unknown control message " + message);
    }

    public static ControlMessage decode(String frame) {
        if (frame == null || frame.length() > MAX_FRAME) {
            throw new MalformedControlMessage("frame missing or over " + MAX_FRAME + " characters");
        }
        JsonObject json;
        try {
            json = new JsonObject(frame);
        } catch (DecodeException e) {
            throw new MalformedControlMessage("not a JSON object");
        }
        try {
            String type = text(json, "type");
            return switch (type) {
                case "hello" -> new Hello(text(json, "id"), text(json, "token"), codecs(json.getJsonArray("codecs")),
                        port(json.getInteger("rtpPort")), json.getString("version", "unknown"));
                case "welcome" -> new Welcome(json.getInteger("heartbeatSeconds"), text(json, "codec"),
                        json.containsKey("srtp") ? text(json, "srtp") : null, returnPath(json.getJsonObject("keepalive")));
                case "path" -> new MediaPath(mediaPath(text(json, "path")));
                case "refused" -> new Refused(text(json, "reason"));
                case "elsewhere" -> new Elsewhere(json.getString("reason", ""), json.getString("owner", ""));
                case "heartbeat" -> new Heartbeat(text(json, "state"), json.getInteger("volume", 0),
                        json.getLong("received", 0L), json.getLong("lost", 0L), json.getDouble("jitterMs", 0.0),
                        json.getLong("late", 0L), json.getLong("recovered", 0L), json.getLong("bufferMs", 0L));
                case "play" -> new Play(text(json, "announcement"), text(json, "zone"), text(json, "codec"),
                        json.getInteger("payloadType"), json.getInteger("clockRate"), json.getLong("ssrc"),
                        json.getInteger("roc", 0), json.getInteger("sequence", -1));
                case "prefetch" -> new Prefetch(text(json, "announcement"), path(json), sha256(json),
                        positive(json.getLong("bytes")), instant(text(json, "playAt")));
                case "stop" -> new Stop(text(json, "announcement"), json.getString("reason", ""));
                case "volume" -> new Volume(level(json.getInteger("level")));
                case "played" -> new Played(text(json, "announcement"), text(json, "outcome"), json.getLong("millis", 0L),
                        json.getString("detail"));
                default -> throw new MalformedControlMessage("unknown message type '" + type + "'");
            };
        } catch (ClassCastException | NullPointerException e) {
            throw new MalformedControlMessage("a field is missing or of the wrong type");
        }
    }

    private static ReturnPath returnPath(JsonObject json) {
        if (json == null) {
            return null;
        }
        Object host = json.getValue("host");
        if (host != null && !(host instanceof String text && !text.isEmpty() && text.length() <= 256)) {
            throw new MalformedControlMessage("'keepalive.host' must be a host name or left out");
        }
        int seconds = json.getInteger("seconds");
        if (seconds < 1 || seconds > 3600) {
            throw new MalformedControlMessage("'keepalive.seconds' must be from 1 to 3600");
        }
        return new ReturnPath((String) host, port(json.getInteger("port")), seconds, text(json, "key"));
    }

    private static String mediaPath(String path) {
        if (!MediaPath.UDP.equals(path) && !MediaPath.CHANNEL.equals(path)) {
            throw new MalformedControlMessage("'path' must be 'udp' or 'channel'");
        }
        return path;
    }

    private static String text(JsonObject json, String key) {
        Object raw = json.getValue(key);
        String value = raw instanceof String text ? text : null;
        if (value == null || value.isEmpty() || value.length() > 256) {
            throw new MalformedControlMessage("'" + key + "' must be a text of 1 to 256 characters");
        }
        return value;
    }

    private static String path(JsonObject json) {
        String path = text(json, "path");
        // A path on the server, never a URL elsewhere: the node sends its token only to its own server.
        if (!path.startsWith("/api/") || path.contains("..") || path.contains("//") || path.contains("\\")) {
            throw new MalformedControlMessage("'path' must be a path on the server under /api/");
        }
        return path;
    }

    private static String sha256(JsonObject json) {
        String hash = text(json, "sha256");
        if (!hash.matches("[0-9a-f]{64}")) {
            throw new MalformedControlMessage("'sha256' must be 64 lower-case hex digits");
        }
        return hash;
    }

    private static long positive(Long value) {
        if (value == null || value <= 0) {
            throw new MalformedControlMessage("'bytes' must be a positive size");
        }
        return value;
    }

    private static java.time.Instant instant(String text) {
        try {
            return java.time.Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new MalformedControlMessage("'playAt' must be an ISO-8601 instant");
        }
    }

    private static List<String> codecs(JsonArray array) {
        if (array == null || array.isEmpty() || array.size() > 16) {
            throw new MalformedControlMessage("'codecs' must list 1 to 16 codec names");
        }
        return array.stream().map(String.class::cast).toList();
    }

    private static int port(Integer port) {
        if (port == null || port < 1 || port > 65535) {
            throw new MalformedControlMessage("a port must be a UDP port from 1 to 65535");
        }
        return port;
    }

    private static int level(Integer level) {
        if (level == null || level < 0 || level > 100) {
            throw new MalformedControlMessage("'level' must be from 0 to 100");
        }
        return level;
    }
}
