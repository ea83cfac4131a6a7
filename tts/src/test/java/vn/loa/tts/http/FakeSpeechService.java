package vn.loa.tts.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import vn.loa.tts.engine.FakeEngine;
import vn.loa.tts.engine.WavCodec;

/** A local HTTP server that answers as a cloud speech service does, and records what it was asked. */
final class FakeSpeechService implements AutoCloseable {

    /** One request as the service saw it. */
    record Call(String method, String path, Headers headers, String body) {
    }

    /** What to answer. */
    record Answer(int status, String contentType, byte[] body) {

        static Answer json(String json) {
            return new Answer(200, "application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        static Answer wav(int words) {
            return new Answer(200, "audio/wav", WavCodec.encode(FakeEngine.FORMAT, FakeEngine.tone(words)));
        }
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    FakeSpeechService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.start();
    }

    /** Answers requests to a path. */
    FakeSpeechService on(String path, Function<Call, Answer> answer) {
        server.createContext(path, exchange -> {
            Call call = new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            calls.add(call);
            Answer a = answer.apply(call);
            exchange.getResponseHeaders().add("Content-Type", a.contentType());
            exchange.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
            exchange.getResponseBody().write(a.body());
            exchange.close();
        });
        return this;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Words in a sentence, so the fake audio's length follows the text as real speech would. */
    static int words(String sentence) {
        return sentence.isBlank() ? 1 : sentence.strip().split("\\s+").length;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
