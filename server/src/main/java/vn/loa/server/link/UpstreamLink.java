package vn.loa.server.link;

import java.security.PublicKey;

/**
 * The upstream this system is linked to, as stored: where it answers, the id this system has there, the upstream's
 * own id and public key, and the zone of the upstream's tree this system stands for.
 */
public record UpstreamLink(String url, String systemId, String upstreamId, PublicKey upstreamKey, String zoneId,
        String zoneName) {
}
