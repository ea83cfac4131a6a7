package vn.loa.server.doctor;

/**
 * What one check found: a verdict, what was checked and an explanation a commune technician can act on.
 *
 * @param subject what was checked, in Vietnamese with the English term in brackets
 * @param message what was found and, when it is not OK, what to do
 */
public record Finding(Verdict verdict, String subject, String message) {

    /** How bad a finding is; only {@link #FAIL} makes {@code loa doctor} exit non-zero. */
    public enum Verdict {
        /** Nothing to do. */
        OK("ĐẠT"),
        /** Loa still broadcasts, but something should be fixed (a clock drifting, a certificate near its end). */
        WARN("LƯU Ý"),
        /** Something blocks a broadcast. */
        FAIL("LỖI");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        /** The word shown before the finding. */
        public String label() {
            return label;
        }
    }

    static Finding ok(String subject, String message) {
        return new Finding(Verdict.OK, subject, message);
    }

    static Finding warn(String subject, String message) {
        return new Finding(Verdict.WARN, subject, message);
    }

    static Finding fail(String subject, String message) {
        return new Finding(Verdict.FAIL, subject, message);
    }
}
