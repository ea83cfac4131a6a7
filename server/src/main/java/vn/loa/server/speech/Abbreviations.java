package vn.loa.server.speech;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.access.Action;
import vn.loa.server.access.Caller;
import vn.loa.server.refusal.Refusal;
import vn.loa.tts.Announcer;

/**
 * The readings each unit adds to the normaliser (a commune's own cooperatives, villages, programmes, local
 * abbreviations; a phrase, with {@code #} for a number), and the announcer that reads with them: they are applied
 * before every built-in rule, those of every unit from the root down to the caller's, the nearest winning. Announcers
 * are kept per unit, because building one compiles a large pattern. Blocking (JDBC).
 */
public final class Abbreviations {

    /** A word or phrase of letters, digits, ". & / -", single spaces and "#" for a number. */
    private static final Pattern SHORT_FORM = Pattern.compile("^[\\p{L}\\p{N}#](?:[\\p{L}\\p{N}#.&/-]| (?! )){0,39}$");
    private static final int MAX_ENTRIES = 500;

    private final Jdbi jdbi;
    private final Announcer standard;
    private final AuditLog audit;
    private final Map<String, Announcer> byUnitPath = new ConcurrentHashMap<>();

    public Abbreviations(Jdbi jdbi, Announcer standard, AuditLog audit) {
        this.jdbi = jdbi;
        this.standard = standard;
        this.audit = audit;
    }

    /** The announcer for texts of the unit at {@code unitPath} ({@code /root/xa-a/}). */
    public Announcer announcerFor(String unitPath) {
        return byUnitPath.computeIfAbsent(unitPath, path -> {
            Map<String, String> extra = effective(path);
            return extra.isEmpty() ? standard
                    : standard.withNormalizer(standard.normalizer().withReadings(extra));
        });
    }

    /** The additions that apply at {@code unitPath}, nearest unit last so that it wins. */
    public Map<String, String> effective(String unitPath) {
        Map<String, String> merged = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT a.short_form, a.spoken FROM abbreviation a JOIN zone z ON z.id = a.unit_id "
                        + "WHERE LEFT(:path, LENGTH(z.path)) = z.path ORDER BY LENGTH(z.path), a.short_form")
                .bind("path", unitPath)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> merged.put(e.getKey(), e.getValue())));
        return merged;
    }

    /** Replaces the caller's own unit's additions (admins). */
    public Map<String, String> replace(Caller caller, Map<String, String> entries) {
        if (!caller.may(Action.MANAGE_USERS)) {
            throw Refusal.forbidden("Chỉ quản trị viên được sửa cách đọc riêng của đơn vị.");
        }
        if (entries.size() > MAX_ENTRIES) {
            throw Refusal.invalid("too_many", "Mỗi đơn vị có tối đa " + MAX_ENTRIES + " cách đọc riêng.");
        }
        entries.forEach((shortForm, spoken) -> {
            if (!SHORT_FORM.matcher(shortForm).matches() || spoken.isBlank() || spoken.length() > 200) {
                throw Refusal.invalid("invalid_abbreviation", "Mục '" + shortForm + "' không hợp lệ: dùng "
                        + "chữ, số, dấu cách đơn và . & / - # (# thay cho một số; tối đa 40 ký tự), "
                        + "cách đọc không trống (tối đa 200 ký tự).");
            }
        });
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM abbreviation WHERE unit_id = :u").bind("u", caller.unitId()).execute();
            var batch = h.prepareBatch("INSERT INTO abbreviation (unit_id, short_form, spoken) VALUES (:u, :s, :p)");
            entries.forEach((s, p) -> batch.bind("u", caller.unitId()).bind("s", s).bind("p", p).add());
            if (!entries.isEmpty()) {
                batch.execute();
            }
            audit.record(h, caller, "abbreviations.replace", "zone:" + caller.unitId(), entries.size() + " mục");
        });
        // Units below may inherit these: drop every cached announcer under this unit.
        byUnitPath.keySet().removeIf(path -> path.startsWith(caller.unitPath()));
        return effective(caller.unitPath());
    }
}
