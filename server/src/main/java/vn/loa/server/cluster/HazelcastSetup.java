package vn.loa.server.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import vn.loa.server.config.ClusterSettings;

/**
 * The Hazelcast configuration of a member, in code: Vert.x's own maps and multimaps (from its default file), TCP-IP
 * join to the listed members only (no multicast, no auto-detection), and failure detection in seconds, not a minute.
 */
final class HazelcastSetup {

    /** Hazelcast's heartbeat: a member silent this long is dropped from the member list (leases decide air, not this). */
    static final int SILENT_MEMBER_SECONDS = 5;

    private HazelcastSetup() {
    }

    static Config of(ClusterSettings settings) {
        Config config = ConfigUtil.loadConfig();
        config.setClusterName("loa");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(SILENT_MEMBER_SECONDS));
        // A member that starts while the others are down forms the cluster alone after this, instead of waiting long.
        config.setProperty("hazelcast.wait.seconds.before.join", "1");
        // A member frozen past the heartbeat (or cut off) forms a cluster of its own; Hazelcast looks for the other
        // side to merge with only after 5 minutes by default, and until then the two sides rebalance nothing between
        // them and miss each other's news (ClusterIT's frozen member stayed apart for the rest of the test).
        config.setProperty("hazelcast.merge.first.run.delay.seconds", String.valueOf(SILENT_MEMBER_SECONDS));
        config.setProperty("hazelcast.merge.next.run.delay.seconds", String.valueOf(SILENT_MEMBER_SECONDS));
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(settings.port()).setPortAutoIncrement(false).setPublicAddress(settings.host());
        network.getInterfaces().setEnabled(true).addInterface(settings.host());
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2).setMembers(settings.members());
        return config;
    }
}
