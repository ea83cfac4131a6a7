package vn.loa.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** A description of the machine a benchmark ran on, written beside its figures. */
public final class Machine {

    private Machine() {
    }

    static JsonObject describe() {
        return new JsonObject()
                .put("date", Instant.now().toString())
                .put("cores", Runtime.getRuntime().availableProcessors())
                .put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024))
                .put("cpu", cpuModel())
                .put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"))
                .put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    }

    /** The 1-, 5- and 15-minute load averages from {@code /proc/loadavg}: how busy the machine was. */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
