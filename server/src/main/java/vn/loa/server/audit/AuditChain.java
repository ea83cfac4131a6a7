package vn.loa.server.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import vn.loa.server.db.Rows;

/**
 * The hash chain that makes the audit log tamper-evident (ADR 0020): each row of a unit carries the SHA-256 of the
 * previous row of that unit and its own, computed over every stored field; {@link #verify} walks the chains and names
 * the first row that does not fit. Stateless; every method runs on the caller's handle.
 */
public final class AuditChain {

    /** What the first row of a unit chains onto. */
    static final String GENESIS = "0".repeat(64);
    private static final int STRIPES = 64;

    /** A row as stored, for hashing and checking. */
    record Row(long id, Instant at, String actor, String address, String action, String target, String unitPath,
            String detail, String prevHash, String rowHash) {

        /** The columns to select for {@link #MAPPER}. */
        static final String COLUMNS = "id, at, actor, address, action, target, unit_path, detail, prev_hash, row_hash";
        static final org.jdbi.v3.core.mapper.RowMapper<Row> MAPPER = (rs, ctx) -> new Row(rs.getLong("id"),
                Rows.instant(rs, "at"), rs.getString("actor"), rs.getString("address"), rs.getString("action"),
                rs.getString("target"), rs.getString("unit_path"), rs.getString("detail"), rs.getString("prev_hash"),
                rs.getString("row_hash"));
    }

    /**
     * What verification found: rows checked, rows older than the chain, signed digests checked, and the first broken
     * row (or null).
     */
    public record Verification(long checked, long unsealed, long digests, Broken firstBroken) {
    }

    /** A row that does not fit its chain, and why. */
    public record Broken(long id, String unitPath, String reason) {
    }

    /**
     * Takes this unit's turn to write (held until the transaction ends, on every server) and returns the hash the next
     * row chains onto.
     */
    String lockAndHead(Handle h, String unitPath) {
        h.createQuery("SELECT stripe FROM audit_chain_lock WHERE stripe = :s FOR UPDATE")
                .bind("s", Math.floorMod(unitPath.hashCode(), STRIPES)).mapTo(Integer.class).one();
        return h.createQuery("SELECT row_hash FROM audit WHERE unit_path = :p AND row_hash IS NOT NULL "
                        + "ORDER BY id DESC FETCH FIRST 1 ROW ONLY")
                .bind("p", unitPath).mapTo(String.class).findOne()
                .or(() -> checkpoint(h, unitPath))
                .orElse(GENESIS);
    }

    /** Where a unit's chain resumes after its oldest rows were removed ({@link AuditRetention}), if they were. */
    private static java.util.Optional<String> checkpoint(Handle h, String unitPath) {
        return h.createQuery("SELECT last_hash FROM audit_checkpoint WHERE unit_path = :p")
                .bind("p", unitPath).mapTo(String.class).findOne();
    }

    /** The hash of a row: every field, each with its length so that no two rows hash the same text. */
    static String hash(String prevHash, Instant at, String actor, String address, String action, String target,
            String unitPath, String detail) {
        StringBuilder text = new StringBuilder();
        for (String field : new String[] {prevHash, at.toString(), actor, address, action, target, unitPath, detail}) {
            text.append(field == null ? -1 : field.length()).append(':').append(field == null ? "" : field).append(';');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * Walks the chains of every unit at or below {@code pathPrefix} (each from its checkpoint, if old rows were removed),
     * then checks each unit's newest signed digest against {@code seal}; reports the lowest broken id.
     */
    public Verification verify(Handle h, String pathPrefix, AuditSeal seal) {
        Map<String, Long> removedThrough = new HashMap<>();
        Map<String, String> resumeFrom = new HashMap<>();
        h.createQuery("SELECT unit_path, last_id, last_hash FROM audit_checkpoint WHERE LEFT(unit_path, :n) = :prefix")
                .bind("n", pathPrefix.length()).bind("prefix", pathPrefix)
                .map((rs, ctx) -> {
                    removedThrough.put(rs.getString("unit_path"), rs.getLong("last_id"));
                    return resumeFrom.put(rs.getString("unit_path"), rs.getString("last_hash"));
                }).list();
        Map<String, Row> newestDigest = new HashMap<>();
        long[] counts = new long[2];
        Broken[] first = new Broken[1];
        String[] unit = {null};
        String[] expected = {GENESIS};
        boolean[] started = {false};
        h.createQuery("SELECT " + Row.COLUMNS + " FROM audit WHERE LEFT(unit_path, :n) = :prefix ORDER BY unit_path, id")
                .bind("n", pathPrefix.length()).bind("prefix", pathPrefix)
                .setFetchSize(1000)
                .map(Row.MAPPER)
                .useStream(rows -> rows.forEach(r -> {
                    if (!r.unitPath().equals(unit[0])) {
                        unit[0] = r.unitPath();
                        expected[0] = resumeFrom.getOrDefault(r.unitPath(), GENESIS);
                        started[0] = false;
                    }
                    String problem = problem(r, expected[0], started[0]);
                    if (r.rowHash() == null && !started[0]) {
                        counts[1]++;
                        return;
                    }
                    started[0] = true;
                    counts[0]++;
                    if (problem != null) {
                        first[0] = lowest(first[0], new Broken(r.id(), r.unitPath(), problem));
                    }
                    if (AuditDigests.ACTION.equals(r.action())) {
                        newestDigest.put(r.unitPath(), r);
                    }
                    expected[0] = r.rowHash() == null ? GENESIS : r.rowHash();
                }));
        for (Row digest : newestDigest.values()) {
            first[0] = lowest(first[0], AuditDigests.check(h, digest, seal,
                    removedThrough.getOrDefault(digest.unitPath(), 0L)));
        }
        return new Verification(counts[0], counts[1], newestDigest.size(), first[0]);
    }

    private static Broken lowest(Broken a, Broken b) {
        return a == null || (b != null && b.id() < a.id()) ? b : a;
    }

    /** Why a row does not fit after a row hashed {@code expected}, or null when it fits. */
    private static String problem(Row r, String expected, boolean started) {
        if (r.rowHash() == null) {
            return started ? "dòng không có mã băm: đã bị chèn hoặc sửa ngoài Loa" : null;
        }
        if (!expected.equals(r.prevHash())) {
            return "không khớp với dòng trước của đơn vị: một dòng trước nó đã bị sửa hoặc xóa";
        }
        if (!hash(r.prevHash(), r.at(), r.actor(), r.address(), r.action(), r.target(), r.unitPath(), r.detail())
                .equals(r.rowHash())) {
            return "nội dung dòng đã bị sửa sau khi ghi";
        }
        return null;
    }
}
