package vn.loa.server.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.List;
import vn.loa.server.config.ClusterSettings;

/**
 * This server's place in its cluster: a clustered Vert.x with the Hazelcast cluster manager, its event bus on the
 * member's own address, and who the members are now.
 */
public final class Membership {

    private final Vertx vertx;
    private final ClusterManager manager;

    private Membership(Vertx vertx, ClusterManager manager) {
        this.vertx = vertx;
        this.manager = manager;
    }

    /** Joins the cluster; blocks until joined (start-up). {@code builder} has its metrics set, {@code options} its own. */
    public static Membership join(VertxBuilder builder, VertxOptions options, ClusterSettings settings) {
        options.setEventBusOptions(new EventBusOptions().setHost(settings.host()).setPort(0)
                .setClusterPublicHost(settings.host()));
        HazelcastClusterManager manager = new HazelcastClusterManager(HazelcastSetup.of(settings));
        Vertx vertx = builder.with(options).withClusterManager(manager).buildClustered().await();
        return new Membership(vertx, manager);
    }

    public Vertx vertx() {
        return vertx;
    }

    /** This member's id, unique to this run of the process: leases are held in its name. */
    public String memberId() {
        return manager.getNodeId();
    }

    /** The ids of the members in the cluster now, this one included. */
    public List<String> members() {
        return manager.isActive() ? manager.getNodes() : List.of(memberId());
    }
}
