package vn.loa.server.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import vn.loa.wire.control.ControlCodec;
import vn.loa.wire.control.ControlMessage;

/** The control-channel side of a node agent, driven by a test: sends what it is told, queues what it receives. */
public final class FakeAgent implements AutoCloseable {

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    public FakeAgent(String baseUrl) {
        URI uri = URI.create(baseUrl.replace("http://", "ws://") + "/api/v1/nodes/control");
        socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            received.add(partial.toString());
                            partial.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
                        received.add("closed:" + status);
                        return null;
                    }
                }).join();
    }

    public void send(ControlMessage message) {
        sendText(ControlCodec.encode(message));
    }

    public void sendText(String frame) {
        socket.sendText(frame, true).join();
    }

    /** The next frame from the server, or fails the test after {@code seconds}. */
    public String nextFrame(int seconds) throws InterruptedException {
        String frame = received.poll(seconds, TimeUnit.SECONDS);
        if (frame == null) {
            throw new AssertionError("the server sent nothing within " + seconds + " s");
        }
        return frame;
    }

    /** The next frame from the server, or null when none came within {@code millis}. */
    public String nextFrameOrNull(long millis) throws InterruptedException {
        return received.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** The next control message, skipping nothing. */
    public ControlMessage next(int seconds) throws InterruptedException {
        return ControlCodec.decode(nextFrame(seconds));
    }

    @Override
    public void close() {
        socket.abort();
    }
}
