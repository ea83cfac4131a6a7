package vn.loa.server.programme;

import java.util.List;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.access.Action;
import vn.loa.server.access.Caller;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.refusal.Refusal;

/** The tags of uploaded recordings ('nhac', 'dan-ca'): what smart blocks and fallback playlists pick by. Blocking. */
public final class AudioTags {

    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}_-]{1,64}");
    private static final int MOST = 20;

    private final Jdbi jdbi;
    private final AuditLog audit;

    public AudioTags(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    /** Replaces the tags of a recording the caller's unit may air. */
    public List<String> set(Caller caller, String audioId, List<String> tags) {
        if (!caller.may(Action.COMPOSE)) {
            throw Refusal.forbidden("Chỉ cán bộ soạn tin, người phê duyệt hoặc quản trị viên được gắn nhãn.");
        }
        List<String> clean = tags.stream().map(t -> java.text.Normalizer.normalize(t.trim().toLowerCase(
                java.util.Locale.ROOT), java.text.Normalizer.Form.NFC)).distinct().toList();
        if (clean.size() > MOST || !clean.stream().allMatch(t -> TAG.matcher(t).matches())) {
            throw Refusal.invalid("invalid_tags", "Tối đa " + MOST + " nhãn; mỗi nhãn 1-64 chữ, số, '-' hoặc '_'.",
                    "tags");
        }
        jdbi.useTransaction(h -> {
            String unit = h.createQuery("SELECT unit_path FROM audio_file WHERE id = :id").bind("id", audioId)
                    .mapTo(String.class).findOne().filter(caller::overlaps)
                    .orElseThrow(() -> Refusal.notFound("chương trình ghi âm", audioId));
            h.createUpdate("DELETE FROM audio_tag WHERE audio_id = :id").bind("id", audioId).execute();
            clean.forEach(t -> h.createUpdate("INSERT INTO audio_tag (audio_id, tag) VALUES (:id, :t)")
                    .bind("id", audioId).bind("t", t).execute());
            audit.record(h, caller, "audio.tags", "audio:" + audioId, unit + " " + String.join(",", clean));
        });
        return clean;
    }
}
