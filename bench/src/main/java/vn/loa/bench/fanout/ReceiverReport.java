package vn.loa.bench.fanout;

import java.util.HashMap;
import java.util.Map;

/**
 * One report line of a {@link NodeReceivers} process, read back.
 *
 * @param total RTP packets all nodes received since the start
 * @param gaps packets missing from the nodes' sequence numbers since the start
 * @param windowGaps the same since the measured window started
 * @param silent nodes that never received a packet
 * @param p50 median lateness on the nodes' 20 ms grids in the window, in ms
 */
record ReceiverReport(long total, long gaps, long windowGaps, long silent, double p50, double p99) {

    static ReceiverReport parse(String line) {
        String[] words = line.split(" ");
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i + 1 < words.length; i += 2) {
            fields.put(words[i], words[i + 1]);
        }
        if (!fields.containsKey("total")) {
            throw new IllegalStateException("not a receivers' report: " + line);
        }
        return new ReceiverReport(Long.parseLong(fields.get("total")), Long.parseLong(fields.get("gaps")),
                Long.parseLong(fields.get("windowGaps")),
                Long.parseLong(fields.get("silent")), Double.parseDouble(fields.get("p50")),
                Double.parseDouble(fields.get("p99")));
    }
}
