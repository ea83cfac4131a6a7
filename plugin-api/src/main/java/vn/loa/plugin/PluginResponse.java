package vn.loa.plugin;

import java.nio.charset.StandardCharsets;

/** A plugin's answer to a {@link PluginRequest}. */
public record PluginResponse(int status, String contentType, byte[] body) {

    public PluginResponse {
        body = body == null ? new byte[0] : body.clone();
    }

    /** A JSON answer; the plugin writes the JSON itself (the SPI carries no JSON library). */
    public static PluginResponse json(int status, String json) {
        return new PluginResponse(status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
    }

    /** A refusal in Loa's error shape {@code {"error","message"}}. */
    public static PluginResponse error(int status, String code, String message) {
        return json(status, "{\"error\":" + quote(code) + ",\"message\":" + quote(message) + "}");
    }

    /** A JSON string literal of {@code s}, for plugins that write small JSON by hand. */
    public static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
