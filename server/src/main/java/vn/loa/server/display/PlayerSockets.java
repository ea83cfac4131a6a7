package vn.loa.server.display;

import vn.loa.display.screen.Screen;
import io.vertx.core.Handler;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.server.http.Blocking;

/**
 * The web players' WebSocket ({@code /player/{boardId}/socket}): sends a player its board's screen on connect and on
 * every change, and stores what it reports having shown (proof of play). A board's content is public (it hangs in
 * the street), so the socket needs no sign-in; an unknown board is refused with 404. Reports are stored only from a
 * socket opened with the board's player key ({@code ?key=}, see {@link PlayerKeys}); others are dropped. Each report
 * carrying an {@code id} is acknowledged once stored (or known already), so a player keeps what it showed offline
 * until the server has it; a report sent twice is kept once.
 */
public final class PlayerSockets implements Handler<ServerWebSocketHandshake> {

    private static final Logger LOG = LoggerFactory.getLogger(PlayerSockets.class);
    private static final int MAX_REPORT = 2048;

    private final BoardScreens screens;
    private final BoardContent content;
    private final PlayerKeys keys;
    private final Blocking blocking;
    private final Clock clock;
    private final ZoneId zone;
    private final Map<String, Set<ServerWebSocket>> players = new ConcurrentHashMap<>();
    /** Since when a board has had a player connected without a break (the province link sends it up). */
    private final Map<String, Instant> connected = new ConcurrentHashMap<>();
    private final PlayReports reports;

    public PlayerSockets(BoardScreens screens, BoardContent content, PlayerKeys keys, Blocking blocking, Clock clock,
            ZoneId zone) {
        this.screens = screens;
        this.content = content;
        this.keys = keys;
        this.blocking = blocking;
        this.clock = clock;
        this.zone = zone;
        this.reports = new PlayReports(content::played, blocking);
        screens.watch(this::changed);
    }

    /** True for the paths this handler serves. */
    public static boolean serves(String path) {
        return path != null && path.startsWith("/player/") && path.endsWith("/socket");
    }

    @Override
    public void handle(ServerWebSocketHandshake handshake) {
        String[] parts = handshake.path().split("/");
        if (parts.length != 4) {
            handshake.reject(404);
            return;
        }
        String boardId = parts[2];
        String key = new io.netty.handler.codec.http.QueryStringDecoder(handshake.uri()).parameters()
                .getOrDefault("key", java.util.List.of()).stream().findFirst().orElse(null);
        blocking.run(() -> screens.screen(boardId).map(s -> new Object[] {s, keys.valid(boardId, key)}))
                .onComplete(found -> {
                    if (found.failed() || found.result().isEmpty()) {
                        handshake.reject(404);
                        return;
                    }
                    Object[] screenAndKey = found.result().get();
                    handshake.accept().onSuccess(socket -> attach(boardId, socket, (Screen) screenAndKey[0],
                            (Boolean) screenAndKey[1]));
                });
    }

    private void attach(String boardId, ServerWebSocket socket, Screen screen, boolean keyed) {
        if (players.computeIfAbsent(boardId, k -> ConcurrentHashMap.newKeySet()).isEmpty()) {
            connected.put(boardId, clock.instant());
        }
        players.get(boardId).add(socket);
        socket.closeHandler(v -> players.getOrDefault(boardId, Set.of()).remove(socket));
        socket.textMessageHandler(text -> {
            if (keyed) {
                report(boardId, socket, text);
            } else {
                LOG.debug("proof of play from {} dropped: the player has no valid key", boardId);
                ack(socket, text); // never to be stored: the player need not keep it
            }
        });
        socket.writeTextMessage(ScreenJson.write(screen, clock.instant(), zone, screens.bannerUntil(screen)).encode());
    }

    private void changed(Screen screen) {
        Set<ServerWebSocket> sockets = screen.isRemoved() ? players.remove(screen.board().id())
                : players.get(screen.board().id());
        if (sockets == null || sockets.isEmpty()) {
            return;
        }
        if (screen.isRemoved()) {
            sockets.forEach(s -> s.close((short) 1000, "board removed"));
            return;
        }
        String message = ScreenJson.write(screen, clock.instant(), zone, screens.bannerUntil(screen)).encode();
        sockets.forEach(s -> s.writeTextMessage(message));
    }

    /** Since when a player of {@code boardId} has been connected on this server, or null when none is. */
    public Instant connectedSince(String boardId) {
        return players.getOrDefault(boardId, Set.of()).isEmpty() ? null : connected.get(boardId);
    }

    /** Pings every player, so a connection that died without a goodbye (a 4G drop) is noticed and forgotten. */
    public void ping() {
        players.values().forEach(set -> set.forEach(s -> s.writePing(io.vertx.core.buffer.Buffer.buffer())
                .onFailure(e -> set.remove(s))));
    }

    /** Tells the player a report is kept (or will never be), so it drops it from its queue; echoes its id. */
    private static void ack(ServerWebSocket socket, String text) {
        try {
            Object id = text.length() > MAX_REPORT ? null : new JsonObject(text).getValue("id");
            if (id instanceof String || id instanceof Number) {
                socket.writeTextMessage(new JsonObject().put("type", "ack").put("id", id).encode());
            }
        } catch (DecodeException e) {
            // nothing to acknowledge
        }
    }

    private void report(String boardId, ServerWebSocket socket, String text) {
        if (text.length() > MAX_REPORT) {
            return;
        }
        try {
            JsonObject m = new JsonObject(text);
            if (!"played".equals(m.getString("type"))) {
                return;
            }
            var play = new BoardContentRepository.Play(boardId, limit(m.getString("item"), 64),
                    limit(m.getString("kind"), 16), Instant.parse(m.getString("shownAt")),
                    Math.max(0, m.getLong("millis", 0L)));
            if (play.itemId() == null || play.kind() == null) {
                return;
            }
            reports.add(play, () -> ack(socket, text));
        } catch (DecodeException | ClassCastException | java.time.format.DateTimeParseException e) {
            LOG.debug("player {} sent a malformed report", boardId);
        }
    }

    private static String limit(String s, int max) {
        return s == null || s.isEmpty() || s.length() > max ? null : s;
    }
}
