package vn.loa.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines of an installed systemd unit that say how to start it (User, WorkingDirectory, Environment, ExecStart),
 * so a test without systemd runs exactly what the service would.
 */
record ServiceUnit(String user, Path workingDirectory, Map<String, String> environment, List<String> execStart,
        List<String> lines) {

    static ServiceUnit read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String user = null;
        Path dir = null;
        Map<String, String> env = new LinkedHashMap<>();
        List<String> exec = List.of();
        for (String line : lines) {
            String l = line.strip();
            if (l.startsWith("User=")) {
                user = value(l);
            } else if (l.startsWith("WorkingDirectory=")) {
                dir = Path.of(value(l));
            } else if (l.startsWith("Environment=")) {
                String pair = value(l);
                int eq = pair.indexOf('=');
                env.put(pair.substring(0, eq), pair.substring(eq + 1));
            } else if (l.startsWith("ExecStart=")) {
                exec = List.of(value(l).split("\\s+"));
            }
        }
        return new ServiceUnit(user, dir, env, exec, lines);
    }

    /** The command that runs ExecStart as the unit's user, in its folder, with its environment and the extra one. */
    List<String> command(Map<String, String> extra) {
        List<String> cmd = new ArrayList<>(List.of("runuser", "-u", user, "--", "env", "-i",
                "PATH=/usr/local/bin:/usr/bin:/bin"));
        environment.forEach((k, v) -> cmd.add(k + "=" + v));
        extra.forEach((k, v) -> cmd.add(k + "=" + v));
        cmd.addAll(execStart);
        return cmd;
    }

    boolean has(String line) {
        return lines.stream().anyMatch(l -> l.strip().equals(line));
    }

    private static String value(String line) {
        return line.substring(line.indexOf('=') + 1);
    }
}
