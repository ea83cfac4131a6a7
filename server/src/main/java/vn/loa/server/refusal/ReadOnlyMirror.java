package vn.loa.server.refusal;

import java.util.regex.Pattern;

/**
 * The rule for a downstream's zones, nodes and boards shown in an upstream's tree (ADR 0059): their ids are the
 * downstream's path and their own id ({@code xa-a/thon-1}, {@code tinh/xa-a/loa-1}), which no id of this system can
 * be, and they are read-only here: what names one where an id of this system's own is expected is refused with 403
 * {@code mirror_read_only}, never taken for an unknown id.
 */
public final class ReadOnlyMirror {

    /** A downstream's id, a slash, then anything: an own id never holds a slash. */
    private static final Pattern MIRROR = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}/.+");

    private ReadOnlyMirror() {
    }

    /** Whether {@code id} names a mirrored zone, node or board. */
    public static boolean named(String id) {
        return id != null && MIRROR.matcher(id).matches();
    }

    /** The refusal of a request that would change or target the mirrored {@code id}; {@code field} may be null. */
    public static Refusal refusal(String id, String field) {
        String downstream = id.substring(0, id.indexOf('/'));
        return new Refusal(Refusal.Kind.FORBIDDEN, "mirror_read_only", "'" + id + "' thuộc hệ thống cấp dưới '"
                + downstream + "' và ở đây chỉ để xem: không sửa, xóa hay phát riêng tới được. Hãy chọn khu vực của "
                + "hệ thống đó trong cây của bạn (bản tin được chuyển xuống cả xã), hoặc nhờ quản trị viên cấp dưới "
                + "sửa trên hệ thống của họ.",
                "'" + id + "' belongs to the downstream system '" + downstream + "' and is read-only here: target that "
                        + "system's zone in your own tree, or ask its admin to change it there.", field);
    }
}
