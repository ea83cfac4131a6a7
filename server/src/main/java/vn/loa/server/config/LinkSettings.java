package vn.loa.server.config;

import java.time.Duration;
import java.util.Properties;

/**
 * The province link's settings (issue 14, ADR 0037).
 *
 * @param systemId          this system's id as its downstreams know it (the sender of its bulletins)
 * @param maxSkew           how far a message's signing time may be from this server's clock before it is refused as
 *                          stale; a smaller skew is shown in the link's state
 * @param emergencyLifetime how long a khẩn cấp bulletin stays worth airing; later it is reported expired, not aired
 * @param pollWait          how long the upstream holds a downstream's poll open when it has nothing to send
 * @param retryMax          the longest pause between attempts when the other side does not answer
 * @param ownApproval       true: a thông thường bulletin waits for this system's approver (SUBMITTED), not APPROVED
 * @param trustCa           PEM certificates of the authorities this system trusts for its upstream's https:// URL
 *                          (a province's own CA, a self-signed certificate); null: the JDK's usual authorities
 * @param devicesEvery      how often a downstream looks whether its device list or statistics changed, to send them up
 * @param keyGrace          how long a downstream's enrolled public key keeps working after its enrolment key is
 *                          rotated, for its admin to link again with the new key
 */
public record LinkSettings(String systemId, Duration maxSkew, Duration emergencyLifetime, Duration pollWait,
        Duration retryMax, boolean ownApproval, java.nio.file.Path trustCa, Duration devicesEvery,
        Duration keyGrace) {

    static LinkSettings from(Properties p) {
        String id = p.getProperty("link.id", "").trim();
        if (!id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new ConfigException("link.id (LOA_LINK_ID) must be 1-64 lower-case letters, digits or '-', got '"
                    + id + "'");
        }
        String approval = p.getProperty("link.bulletin.approval", "").trim();
        if (!approval.equals("upstream") && !approval.equals("own")) {
            throw new ConfigException("link.bulletin.approval (LOA_LINK_BULLETIN_APPROVAL) must be 'upstream' or "
                    + "'own', got '" + approval + "'");
        }
        return new LinkSettings(id,
                Duration.ofSeconds(ConfigLoader.integer(p, "link.max.skew", 60, 7 * 24 * 3600)),
                Duration.ofSeconds(ConfigLoader.integer(p, "link.emergency.lifetime", 10, 7 * 24 * 3600)),
                Duration.ofSeconds(ConfigLoader.integer(p, "link.poll.wait", 0, 300)),
                Duration.ofSeconds(ConfigLoader.integer(p, "link.retry.max", 1, 3600)),
                approval.equals("own"), trustCa(p.getProperty("link.trust.ca", "").trim()),
                Duration.ofSeconds(ConfigLoader.integer(p, "link.devices.every", 1, 24 * 3600)),
                Duration.ofSeconds(ConfigLoader.integer(p, "link.key.grace", 0, 90 * 24 * 3600)));
    }

    private static java.nio.file.Path trustCa(String value) {
        if (value.isEmpty()) {
            return null;
        }
        java.nio.file.Path file = java.nio.file.Path.of(value);
        try {
            LinkTrust.of(file);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("link.trust.ca (LOA_LINK_TRUST_CA): " + e.getMessage());
        }
        return file;
    }
}
