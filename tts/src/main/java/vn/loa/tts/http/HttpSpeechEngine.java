package vn.loa.tts.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.loa.tts.engine.SentencePause;
import vn.loa.tts.engine.SentenceSink;
import vn.loa.tts.engine.SpeechChunk;
import vn.loa.tts.engine.SpeechEngine;
import vn.loa.tts.engine.SpeechException;
import vn.loa.tts.engine.SpeechRequest;
import vn.loa.tts.engine.VoiceSettings;
import vn.loa.tts.engine.WavCodec;

/**
 * What the HTTP speech engines share: one request per sentence, WAV audio back, errors turned into
 * {@link SpeechException}s that name the service and say what it answered.
 *
 * <p>Thread-safe ({@link HttpClient} is). Sentence by sentence, so the first goes on air while the service is still
 * working on the rest. Subclasses only build the request and find the audio in the reply.
 */
abstract class HttpSpeechEngine implements SpeechEngine {

    /** Reads and writes the services' JSON (Jackson); thread-safe once configured. */
    protected static final ObjectMapper JSON = new ObjectMapper();

    protected final HttpEngineConfig config;
    protected final HttpClient client;

    protected HttpSpeechEngine(HttpEngineConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder().connectTimeout(config.requestTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Override
    public Set<String> voices() {
        return config.voices();
    }

    @Override
    public void synthesize(SpeechRequest request, SentenceSink sink) {
        if (!supports(request.voice())) {
            throw new SpeechException(name(), "no voice '" + request.voice() + "'; configured: " + voices());
        }
        for (int i = 0; i < request.sentences().size(); i++) {
            String sentence = request.sentences().get(i);
            WavCodec.Decoded audio;
            try {
                audio = WavCodec.decode(wav(sentence, request.voice(), request.settings()));
            } catch (IllegalArgumentException e) {
                throw new SpeechException(name(), "answered with audio Loa cannot use: " + e.getMessage(), e);
            }
            byte[] pcm = SentencePause.append(audio.pcm(), audio.format(), sentence, request.settings());
            sink.accept(new SpeechChunk(i, sentence, audio.format(), pcm));
        }
    }

    /** The WAV file of one sentence. */
    protected abstract byte[] wav(String sentence, String voice, VoiceSettings settings);

    /** Sends a request and returns the reply, or throws naming the service, the status and what it said. */
    protected HttpResponse<byte[]> send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw new SpeechException(name(), "HTTP " + response.statusCode() + " from " + request.uri().getHost()
                        + ": " + excerpt(response.body()));
            }
            return response;
        } catch (java.net.http.HttpTimeoutException e) {
            throw new SpeechException(name(), "no answer from " + request.uri().getHost() + " within "
                    + config.requestTimeout().toMillis() + " ms", e);
        } catch (IOException e) {
            throw new SpeechException(name(), "cannot reach " + request.uri().getHost() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpeechException(name(), "interrupted", e);
        }
    }

    /** Fetches audio from a "poll this URL" reply: it answers 404 (or similar) until the audio is ready. */
    protected byte[] poll(URI audio) {
        long deadline = System.nanoTime() + config.pollTimeout().toNanos();
        HttpRequest get = HttpRequest.newBuilder(audio).timeout(config.requestTimeout()).GET().build();
        try {
            while (true) {
                HttpResponse<byte[]> response = client.send(get, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() == 200 && response.body().length > 0) {
                    return response.body();
                }
                if (response.statusCode() / 100 == 5 || System.nanoTime() > deadline) {
                    throw new SpeechException(name(), "audio at " + audio + " not ready after "
                            + config.pollTimeout().toMillis() + " ms (last HTTP " + response.statusCode() + ")");
                }
                Thread.sleep(config.pollInterval().toMillis());
            }
        } catch (IOException e) {
            throw new SpeechException(name(), "cannot fetch audio from " + audio.getHost() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpeechException(name(), "interrupted", e);
        }
    }

    /** A service's JSON reply as an object, or an error naming the service and what it sent instead. */
    protected JsonNode jsonReply(byte[] body) {
        try {
            JsonNode reply = JSON.readTree(body);
            if (reply != null && reply.isObject()) {
                return reply;
            }
        } catch (IOException e) {
            // Not JSON at all: reported below with what came.
        }
        throw new SpeechException(name(), "answered something that is not its JSON reply: " + excerpt(body));
    }

    /** The start of a reply body, for an error message. */
    protected static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
