package vn.loa.hotline;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One call as the audit log keeps it.
 *
 * @param outcome   what happened last: {@code refused}, {@code locked}, {@code live}, {@code preset}, {@code cancelled},
 *                  {@code hung_up}, {@code timeout}
 * @param recording the caller's audio as a WAV file, or null when nothing was recorded
 */
public record CallReport(String callId, String number, String address, Instant started, Instant ended,
        String outcome, Path recording) {
}
