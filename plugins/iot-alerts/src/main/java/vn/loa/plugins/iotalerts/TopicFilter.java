package vn.loa.plugins.iotalerts;

/** MQTT topic filters with {@code +} (one level) and {@code #} (the rest), as a broker matches them. Pure. */
final class TopicFilter {

    private TopicFilter() {
    }

    static boolean matches(String filter, String topic) {
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return true;
            }
            if (i >= t.length || !(f[i].equals("+") || f[i].equals(t[i]))) {
                return false;
            }
        }
        return f.length == t.length;
    }
}
