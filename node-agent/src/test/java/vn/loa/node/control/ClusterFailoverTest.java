package vn.loa.node.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.loa.node.Await;
import vn.loa.node.FakeLoaServer;
import vn.loa.wire.control.ControlMessage;
import vn.loa.wire.control.ControlMessage.Heartbeat;
import vn.loa.wire.control.ControlMessage.Welcome;

/** A node agent given a cluster's members moves to the next when its server dies or sends it on (ADR 0038). */
class ClusterFailoverTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Vertx vertx = Vertx.vertx();
    private final FakeLoaServer owner = new FakeLoaServer(hello -> new Welcome(1, "PCMU"));
    private final FakeLoaServer other = new FakeLoaServer(hello -> new ControlMessage.Elsewhere("not the owner"));
    private ControlChannel channel;

    private final ControlHandler node = new ControlHandler() {
        @Override
        public void welcomed(Welcome welcome) {
        }

        @Override
        public void command(ControlMessage command) {
        }

        @Override
        public Heartbeat heartbeat() {
            return new Heartbeat("IDLE", 70, 0, 0, 0);
        }
    };

    @AfterEach
    void tearDown() throws Exception {
        if (channel != null) {
            channel.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
        owner.close();
        other.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    /** Backoff of a whole minute: only moving on to the next member can bring the node back within the test. */
    private void open(FakeLoaServer first, FakeLoaServer second) {
        ChannelSettings settings = ChannelSettings.of(ServerAddress.parse(first.url()), "loa-1", "t",
                        List.of("PCMU"), "0.1.0")
                .withRetries(Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofSeconds(30))
                .withOthers(List.of(ServerAddress.parse(second.url())));
        channel = new ControlChannel(vertx, settings, 5004, node);
        channel.start();
    }

    @Test
    void aMemberThatDoesNotOwnTheZoneSendsTheNodeToTheNextAtOnce() {
        owner.start(0);
        other.start(0);
        open(other, owner);

        Await.until(WAIT, "welcomed by the owner", () -> channel.state() == ChannelState.ONLINE);
        assertThat(channel.server().port()).isEqualTo(owner.port());
        assertThat(other.hellos()).hasSize(1);
    }

    @Test
    void aMemberThatNamesTheOwnerSendsTheNodeStraightThere() {
        FakeLoaServer skipped = new FakeLoaServer(hello -> new Welcome(1, "PCMU")).start(0);
        try {
            owner.start(0);
            other.answerWith(hello -> new ControlMessage.Elsewhere("not the owner", owner.url()));
            other.start(0);
            ChannelSettings settings = ChannelSettings.of(ServerAddress.parse(other.url()), "loa-1", "t",
                            List.of("PCMU"), "0.1.0")
                    .withRetries(Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofSeconds(30))
                    .withOthers(List.of(ServerAddress.parse(skipped.url()), ServerAddress.parse(owner.url())));
            channel = new ControlChannel(vertx, settings, 5004, node);
            channel.start();

            Await.until(WAIT, "welcomed by the owner", () -> channel.state() == ChannelState.ONLINE);
            assertThat(channel.server().port()).isEqualTo(owner.port());
            assertThat(skipped.hellos()).as("the member between them, not tried").isEmpty();
        } finally {
            skipped.close();
        }
    }

    @Test
    void whileMembersSendItOnTheNodeTriesAgainWithinASecondNotAfterItsBackoff() {
        other.start(0);
        // Each round ends on the dead member: a failure, after which a minute's backoff would be waited out.
        openBeforeADeadMember(Duration.ofMinutes(1));
        Await.until(WAIT, "sent on once", () -> other.hellos().size() == 1);

        other.answerWith(hello -> new Welcome(1, "PCMU")); // it took the zone over
        Await.until(Duration.ofSeconds(3), "back within a round of a second", () -> channel.state() == ChannelState.ONLINE);
        assertThat(channel.server().port()).isEqualTo(other.port());
    }

    @Test
    void aMemberThatLeavesTheHelloUnansweredIsTriedAgainOnTheNextRoundNotAfterTheBackoff() {
        other.answerWith(hello -> new ControlMessage.Volume(50)); // it takes the socket, busy: no welcome
        other.start(0);
        openBeforeADeadMember(Duration.ofSeconds(20));
        // Up to a backoff's 20 s if a loaded machine fails the first connection before any hello.
        Await.until(Duration.ofSeconds(30), "its hello left unanswered", () -> other.hellos().size() == 1);

        other.answerWith(hello -> new Welcome(1, "PCMU"));
        // 3 s of waiting for the answer, the dead member, then at most a second: not the backoff's 10 to 20 s.
        Await.until(Duration.ofSeconds(8), "welcomed on the next round", () -> channel.state() == ChannelState.ONLINE);
    }

    /** The channel given {@code other}, then a member that is down, retrying after {@code backoff}. */
    private void openBeforeADeadMember(Duration backoff) {
        FakeLoaServer dead = new FakeLoaServer(hello -> new Welcome(1, "PCMU")).start(0);
        int deadPort = dead.port();
        dead.close();
        ChannelSettings settings = ChannelSettings.of(ServerAddress.parse(other.url()), "loa-1", "t",
                        List.of("PCMU"), "0.1.0")
                .withRetries(backoff, backoff, Duration.ofSeconds(30))
                .withOthers(List.of(ServerAddress.parse("http://127.0.0.1:" + deadPort)));
        channel = new ControlChannel(vertx, settings, 5004, node);
        channel.start();
    }

    @Test
    void aNodeWhoseServerDiesMovesToTheNextMember() {
        owner.start(0);
        FakeLoaServer next = new FakeLoaServer(hello -> new Welcome(1, "PCMU")).start(0);
        try {
            open(owner, next);
            Await.until(WAIT, "welcomed by the first", () -> channel.welcomes() == 1);

            owner.stop();
            Await.until(WAIT, "welcomed by the next", () -> channel.welcomes() == 2);
            assertThat(channel.server().port()).isEqualTo(next.port());
        } finally {
            // The node leaves first: a WebSocket whose server went away first waits out its closing handshake.
            channel.close().toCompletionStage().toCompletableFuture().join();
            channel = null;
            next.close();
        }
    }
}
