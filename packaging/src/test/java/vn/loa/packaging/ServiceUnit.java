package vn.loa.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lines of an installed systemd unit that say how to start it (User, Group, WorkingDirectory, Environment,
 * ExecStart, NoNewPrivileges and the capabilities), so a test without systemd runs exactly what the service would.
 */
record ServiceUnit(String user, String group, Path workingDirectory, Map<String, String> environment,
        List<String> execStart, List<String> lines) {

    static ServiceUnit read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String user = null;
        String group = null;
        Path dir = null;
        Map<String, String> env = new LinkedHashMap<>();
        List<String> exec = List.of();
        for (String line : lines) {
            String l = line.strip();
            if (l.startsWith("User=")) {
                user = value(l);
            } else if (l.startsWith("Group=")) {
                group = value(l);
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
        return new ServiceUnit(user, group == null ? user : group, dir, env, exec, lines);
    }

    /**
     * The command that runs ExecStart as the unit's user, in its folder, with its environment and the extra one.
     * {@code setpriv} gives the process what systemd would: the unit's ambient capabilities (a user's process has
     * none otherwise: binding port 80 fails without them), its capability bounding set and no new privileges.
     */
    List<String> command(Map<String, String> extra) {
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid=" + user, "--regid=" + group,
                "--init-groups"));
        if (has("NoNewPrivileges=true")) {
            cmd.add("--no-new-privs");
        }
        List<String> bounding = capabilities("CapabilityBoundingSet=");
        if (!bounding.isEmpty()) {
            cmd.add("--bounding-set=-all," + String.join(",", bounding));
        }
        List<String> ambient = capabilities("AmbientCapabilities=");
        if (!ambient.isEmpty()) {
            // An ambient capability must be inheritable too; both survive the launcher's exec of java.
            cmd.add("--inh-caps=" + String.join(",", ambient));
            cmd.add("--ambient-caps=" + String.join(",", ambient));
        }
        cmd.addAll(List.of("--", "env", "-i", "PATH=/usr/local/bin:/usr/bin:/bin"));
        environment.forEach((k, v) -> cmd.add(k + "=" + v));
        extra.forEach((k, v) -> cmd.add(k + "=" + v));
        cmd.addAll(execStart);
        return cmd;
    }

    /** The capabilities a line names, as setpriv's {@code +net_bind_service}. */
    List<String> capabilities(String key) {
        List<String> caps = new ArrayList<>();
        lines.stream().map(String::strip).filter(l -> l.startsWith(key)).forEach(l -> {
            for (String cap : value(l).split("\\s+")) {
                if (!cap.isEmpty()) {
                    caps.add("+" + cap.toLowerCase(Locale.ROOT).replaceFirst("^cap_", ""));
                }
            }
        });
        return caps;
    }

    boolean has(String line) {
        return lines.stream().anyMatch(l -> l.strip().equals(line));
    }

    private static String value(String line) {
        return line.substring(line.indexOf('=') + 1);
    }
}
