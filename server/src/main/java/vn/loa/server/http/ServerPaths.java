package vn.loa.server.http;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides the server's own folders in text that leaves it (error answers, audit rows): an exception's message that names
 * {@code /srv/loa/data/plugins/x.jar} becomes {@code <dữ liệu>/plugins/x.jar}, so no answer tells an attacker where
 * Loa lives (issue 22). Only whole path starts are replaced, so a unit path such as {@code /root/tmp/} stays as it is.
 * Immutable; thread-safe.
 */
public final class ServerPaths {

    private record Hidden(Pattern pattern, String replacement) {
    }

    private final List<Hidden> hidden = new ArrayList<>();

    /** Hides the data folder and the JVM's temporary folder. */
    public ServerPaths(Path dataDir) {
        List<String[]> folders = new ArrayList<>();
        folders.add(new String[] {dataDir.toAbsolutePath().normalize().toString(), "<dữ liệu>"});
        folders.add(new String[] {Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize().toString(),
                "<tạm>"});
        // Longest first: the data folder often lies inside the temporary one (tests) or the working folder.
        folders.sort(Comparator.comparingInt((String[] f) -> f[0].length()).reversed());
        for (String[] f : folders) {
            if (f[0].length() > 1) {
                hidden.add(new Hidden(Pattern.compile("(?<=^|[\\s'\"(:=,\\[])" + Pattern.quote(f[0]) + "(?=[/\\s'\")\\],;:]|$)"),
                        Matcher.quoteReplacement(f[1])));
            }
        }
    }

    /** {@code text} with the server's folders replaced by their names; null stays null. */
    public String hide(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (Hidden h : hidden) {
            out = h.pattern().matcher(out).replaceAll(h.replacement());
        }
        return out;
    }
}
