package vn.loa.plugins.iotalerts;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.loa.plugin.Alert;
import vn.loa.plugin.InvalidSettingsException;
import vn.loa.plugin.Settings;

/** The admin's settings, checked: the broker and its credentials, and the rules. */
record IotSettings(String broker, String username, String password, String clientId, List<Rule> rules) {

    static IotSettings read(Settings s) throws InvalidSettingsException {
        try {
            String broker = s.text("broker", "");
            URI uri = URI.create(broker.isEmpty() ? "x:" : broker);
            if (!Set.of("tcp", "ssl").contains(String.valueOf(uri.getScheme())) || uri.getHost() == null) {
                throw new InvalidSettingsException("'broker' phải là địa chỉ MQTT dạng tcp://máy:1883 hoặc ssl://máy:8883.");
            }
            List<Rule> rules = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (Settings r : s.objects("rules")) {
                Rule rule = rule(r);
                if (!ids.add(rule.id())) {
                    throw new InvalidSettingsException("Hai quy tắc cùng mã '" + rule.id() + "'.");
                }
                rules.add(rule);
            }
            if (rules.isEmpty()) {
                throw new InvalidSettingsException("Cần ít nhất một quy tắc trong 'rules'.");
            }
            return new IotSettings(broker, s.text("username", ""), s.text("password", ""),
                    s.text("clientId", "loa-iot-alerts"), List.copyOf(rules));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage());
        }
    }

    private static Rule rule(Settings r) throws InvalidSettingsException {
        String id = r.text("id", "");
        if (!id.matches("[a-z0-9][a-z0-9_-]{0,39}")) {
            throw new InvalidSettingsException("Mỗi quy tắc cần 'id' gồm chữ thường, số, '-' (có '" + id + "').");
        }
        String where = "Quy tắc '" + id + "': ";
        String topic = r.text("topic", "");
        if (topic.isEmpty() || topic.contains("#") && !topic.endsWith("#")) {
            throw new InvalidSettingsException(where + "'topic' phải là chủ đề MQTT, ví dụ xa/song-cai/muc-nuoc.");
        }
        Kind kind = Kind.fromWire(r.text("kind", ""));
        boolean rising = !r.has("below");
        if (r.has("above") == r.has("below") && kind != Kind.SMOKE) {
            throw new InvalidSettingsException(where + "cần đúng một ngưỡng: 'above' (báo khi lên tới) hoặc 'below' "
                    + "(báo khi xuống tới).");
        }
        double trip = rising ? r.decimal("above", 1) : r.decimal("below", 0);
        double margin = Math.max(Math.abs(trip) * 0.1, kind == Kind.SMOKE ? 1 : 0.01);
        double clear = rising ? r.decimal("clearBelow", trip - margin) : r.decimal("clearAbove", trip + margin);
        if (rising ? clear >= trip : clear <= trip) {
            throw new InvalidSettingsException(where + (rising ? "'clearBelow' phải nhỏ hơn 'above'"
                    : "'clearAbove' phải lớn hơn 'below'") + " (khoảng trễ để không báo lặp lại).");
        }
        List<String> zones = r.texts("zones");
        if (zones.isEmpty()) {
            throw new InvalidSettingsException(where + "cần 'zones': các khu vực phát cảnh báo.");
        }
        Alert.Level level = Alert.Level.valueOf(r.text("level", "EMERGENCY").toUpperCase(java.util.Locale.ROOT));
        String field = r.text("field", "");
        return new Rule(id, topic, kind, field.isEmpty() ? null : field, rising, trip, clear, level, zones,
                r.text("place", "điểm đo " + id), r.text("title", kind.title), r.text("text", kind.text));
    }
}
