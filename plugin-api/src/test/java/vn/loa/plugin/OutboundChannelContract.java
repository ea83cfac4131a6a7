package vn.loa.plugin;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a plugin with an {@link OutboundChannel} must do; the test checks the receiving end itself. */
public interface OutboundChannelContract extends PluginContract {

    /** Waits until the notice has reached the test's receiver (mail box, webhook) and fails if it does not. */
    void assertReceived(AiredNotice notice) throws Exception;

    @Test
    default void anAiredNoticeReachesTheReceiverWithItsVietnameseText() throws Exception {
        Plugin plugin = plugin();
        plugin.start(new RecordingContext(plugin.validate(workingSettings())));
        try {
            AiredNotice notice = new AiredNotice(7, "Lịch tiêm phòng", "Bà con đưa gia súc đến điểm tiêm lúc 7 giờ.",
                    "SCHEDULED", List.of("thon-dong"), List.of("Thôn Đông"), Instant.parse("2026-12-01T01:00:00Z"));
            plugin.outboundChannel().orElseThrow().deliver(notice);
            assertReceived(notice);
        } finally {
            plugin.stop();
        }
    }
}
