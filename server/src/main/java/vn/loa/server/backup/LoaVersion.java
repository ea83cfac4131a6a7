package vn.loa.server.backup;

import java.util.Arrays;

/**
 * A Loa version ("0.1.0", "0.2.0-SNAPSHOT"), ordered as releases are: numbers first, a snapshot before its release.
 */
public record LoaVersion(String text) implements Comparable<LoaVersion> {

    /** The version of the running code: the server jar's Implementation-Version, "0.0.0-dev" from classes. */
    public static LoaVersion current() {
        String v = LoaVersion.class.getPackage().getImplementationVersion();
        return new LoaVersion(v == null ? "0.0.0-dev" : v);
    }

    @Override
    public int compareTo(LoaVersion other) {
        int[] mine = numbers();
        int[] theirs = other.numbers();
        int byNumbers = Arrays.compare(mine, theirs);
        if (byNumbers != 0) {
            return byNumbers;
        }
        // 0.1.0-SNAPSHOT < 0.1.0
        return Boolean.compare(!qualified(), !other.qualified());
    }

    private boolean qualified() {
        return text.contains("-");
    }

    private int[] numbers() {
        String base = text.split("-", 2)[0];
        return Arrays.stream(base.split("\\.")).mapToInt(n -> {
            try {
                return Integer.parseInt(n);
            } catch (NumberFormatException e) {
                return 0;
            }
        }).toArray();
    }

    @Override
    public String toString() {
        return text;
    }
}
