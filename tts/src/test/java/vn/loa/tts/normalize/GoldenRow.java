package vn.loa.tts.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One row of a golden file: a sentence as typed, the readings a native announcer accepts, the class it tests, and
 * whether it is a known failure (scored and reported, but not failing the build).
 */
record GoldenRow(String written, List<String> accepted, String kind, boolean known) {

    /** Whether this reading is one of those accepted. */
    boolean accepts(String reading) {
        return accepted.contains(reading);
    }

    /** The rows of a golden file beside this class: written TAB readings (" | ") [TAB class [TAB known]]. */
    static List<GoldenRow> read(String resource) throws IOException {
        List<GoldenRow> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                GoldenRow.class.getResourceAsStream(resource)), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] columns = line.split("\t");
                    rows.add(new GoldenRow(unescape(columns[0]), List.of(columns[1].split(" \\| ")),
                            columns.length > 2 ? columns[2] : "word", columns.length > 3 && columns[3].equals("known")));
                }
            }
        }
        return rows;
    }

    /** A line break, written "\\n", and a soft hyphen, written "\\u00AD" (invisible in an editor), as typed. */
    static String unescape(String written) {
        return written.replace("\\n", "\n").replace("\\u00AD", "\u00AD");
    }

    @Override
    public String toString() {
        return written;
    }
}
