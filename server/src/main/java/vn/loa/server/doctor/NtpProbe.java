package vn.loa.server.doctor;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import org.apache.commons.net.ntp.NTPUDPClient;
import org.apache.commons.net.ntp.TimeInfo;

/** Asks an NTP server how far this machine's clock is off; a seam for tests. */
@FunctionalInterface
interface NtpProbe {

    /** The local clock minus the server's (positive: this clock is ahead), or empty when no answer came. */
    Optional<Duration> offset(String server);

    /** One SNTP query with Apache Commons Net, 3 seconds at most. */
    static NtpProbe commonsNet() {
        return server -> {
            NTPUDPClient client = new NTPUDPClient();
            client.setDefaultTimeout(Duration.ofSeconds(3));
            try {
                client.open();
                TimeInfo info = client.getTime(InetAddress.getByName(server));
                info.computeDetails();
                Long offset = info.getOffset();
                // Commons Net's offset is what to add to the local clock; Loa reports how far ahead the clock is.
                return offset == null ? Optional.empty() : Optional.of(Duration.ofMillis(-offset));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            } finally {
                client.close();
            }
        };
    }
}
