package vn.loa.server.link;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One message of the link, as signed: its id (kept across retries, so the receiver applies it once), the stream it is
 * ordered in ({@code bulletins} down, {@code reports} up) and its place there, when it was signed (each send signs
 * anew), who sent it and to whom, what it is, when it stops being worth applying, and its content.
 *
 * @param seq     1, 2, 3... without gaps per sender, receiver and stream; 0 for a message outside every stream (a poll)
 * @param expires null when it never expires
 */
public record Envelope(String id, String stream, long seq, Instant at, String sender, String to, String kind,
        Instant expires, JsonObject body) {

    /** The streams of the link. */
    public static final String BULLETINS = "bulletins";
    public static final String REPORTS = "reports";
    /** Messages outside every ordered stream (polls), with seq 0. */
    public static final String CONTROL = "control";

    /** Message kinds. */
    public static final String BULLETIN = "bulletin";
    public static final String CANCEL = "cancel";
    public static final String RESCHEDULE = "reschedule";
    /** A downstream asks for a recording by its SHA-256 ({@code control}). */
    public static final String AUDIO = "audio";
    /** A downstream asks for a picture of a bulletin by its SHA-256 ({@code control}, ADR 0061). */
    public static final String SLIDE = "slide";
    public static final String DELIVERIES = "deliveries";
    public static final String REFUSED = "refused";
    /** The downstream's zones, nodes and boards with their state, and its statistics of the day (up). */
    public static final String DEVICES = "devices";
    public static final String POLL = "poll";

    public JsonObject json() {
        JsonObject json = new JsonObject().put("v", 1).put("id", id).put("stream", stream).put("seq", seq)
                .put("at", at.toString()).put("sender", sender).put("to", to).put("kind", kind);
        if (expires != null) {
            json.put("expires", expires.toString());
        }
        return json.put("body", body);
    }

    /** The envelope of its JSON form; {@link IllegalArgumentException} naming what is missing or malformed. */
    public static Envelope of(JsonObject json) {
        try {
            if (json.getInteger("v", 0) != 1) {
                throw new IllegalArgumentException("unknown version " + json.getValue("v"));
            }
            String expires = json.getString("expires");
            return new Envelope(required(json, "id"), required(json, "stream"), json.getLong("seq", 0L),
                    Instant.parse(required(json, "at")), required(json, "sender"), required(json, "to"),
                    required(json, "kind"), expires == null ? null : Instant.parse(expires),
                    json.getJsonObject("body", new JsonObject()));
        } catch (ClassCastException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("malformed envelope: " + e.getMessage(), e);
        }
    }

    private static String required(JsonObject json, String key) {
        String value = json.getString(key);
        if (value == null || value.isBlank() || value.length() > 200) {
            throw new IllegalArgumentException("the envelope's '" + key + "' is missing or too long");
        }
        return value;
    }
}
