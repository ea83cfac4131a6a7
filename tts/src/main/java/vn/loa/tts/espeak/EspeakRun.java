package vn.loa.tts.espeak;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import vn.loa.tts.engine.PcmFormat;
import vn.loa.tts.engine.SentencePause;
import vn.loa.tts.engine.SentenceSink;
import vn.loa.tts.engine.SpeechChunk;
import vn.loa.tts.engine.SpeechException;
import vn.loa.tts.engine.SpeechRequest;

/**
 * One espeak-ng process speaking one request: SSML in on stdin, a WAV stream out on stdout, cut into sentences as it
 * arrives.
 *
 * <p>Used once, by the calling thread. One process per request rather than per sentence because starting
 * espeak-ng costs about 50 ms of loading, which would dominate: its synthesis itself runs at about a thousand times
 * real time. A watchdog thread kills the process when it writes nothing for {@link EspeakConfig#silenceTimeout()}
 * or when the calling thread is interrupted. Time the sink takes is not the engine's silence: a sink that plays speech
 * as it airs holds a long notice's next sentence for minutes, and the process waits on its full pipe meanwhile.
 */
final class EspeakRun {

    /** Long enough that no pause espeak-ng makes by itself comes close (under 0.7 s even at half speed). */
    static final int BREAK_MILLIS = 2000;
    private static final int WAV_HEADER = 44;
    private static final String ENGINE = EspeakEngine.NAME;
    /**
     * A number read digit by digit, seven digits or more (a phone, hotline or account number, as the normaliser
     * reads them: "không chín một hai, ba bốn năm, sáu bảy tám"): a number a listener must write down.
     */
    private static final java.util.regex.Pattern NUMBER_TO_REMEMBER = java.util.regex.Pattern.compile(
            "(?iu)(?<!\\p{L})" + digit() + "(?:,? " + digit() + "){6,40}(?!\\p{L})");
    /** The pause between the groups of a number to remember, beside espeak-ng's own ~170 ms at a comma. */
    static final int GROUP_BREAK_MILLIS = 300;
    private static final java.util.regex.Pattern URGENT = java.util.regex.Pattern.compile("(?iu)(?<!\\p{L})khẩn cấp(?!\\p{L})");

    private final List<String> command;
    private final EspeakConfig config;
    private volatile long lastOutputNanos;
    private volatile boolean inSink;
    private volatile String killedBecause;

    EspeakRun(List<String> command, EspeakConfig config) {
        this.command = command;
        this.config = config;
    }

    void speak(SpeechRequest request, SentenceSink sink) {
        Process process = start();
        CompletableFuture<byte[]> stderr = drain(process.getErrorStream());
        Thread watchdog = watch(process, Thread.currentThread());
        try {
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(ssml(request.sentences()).getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // espeak-ng died before reading its input; its exit code and stderr below say why
            }
            int delivered = stream(process.getInputStream(), request, sink);
            int exit = process.waitFor();
            if (killedBecause != null) {
                throw new SpeechException(ENGINE, killedBecause + "; the process was killed");
            }
            if (exit != 0 || delivered < request.sentences().size()) {
                String error = new String(stderr.get(1, TimeUnit.SECONDS), StandardCharsets.UTF_8).strip();
                throw new SpeechException(ENGINE, "exited with code " + exit + (error.isEmpty() ? "" : ": " + error)
                        + " after " + delivered + " of " + request.sentences().size() + " sentences");
            }
        } catch (IOException e) {
            throw new SpeechException(ENGINE, killedBecause != null ? killedBecause + "; the process was killed"
                    : "could not read its audio: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpeechException(ENGINE, "interrupted; the process was killed", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new SpeechException(ENGINE, "exited abnormally and its error output could not be read", e);
        } finally {
            watchdog.interrupt();
            kill(process);
        }
    }

    /** Reads the WAV stream, handing each sentence to the sink as soon as its closing break has begun. */
    private int stream(InputStream wav, SpeechRequest request, SentenceSink sink) throws IOException {
        byte[] header = wav.readNBytes(WAV_HEADER);
        if (header.length < WAV_HEADER) {
            return 0;
        }
        PcmFormat format = new PcmFormat(java.nio.ByteBuffer.wrap(header, 24, 4)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt());
        BreakSplitter splitter = new BreakSplitter(format.sampleRate(), BREAK_MILLIS);
        byte[] buffer = new byte[16 * 1024];
        int delivered = 0;
        for (int n = wav.read(buffer); n >= 0; n = wav.read(buffer)) {
            lastOutputNanos = System.nanoTime();
            for (byte[] pcm : splitter.feed(buffer, 0, n)) {
                delivered = deliver(delivered, pcm, format, request, sink);
            }
        }
        for (byte[] pcm : splitter.finish()) {
            delivered = deliver(delivered, pcm, format, request, sink);
        }
        return delivered;
    }

    private int deliver(int index, byte[] pcm, PcmFormat format, SpeechRequest request, SentenceSink sink) {
        if (index >= request.sentences().size()) {
            return index; // trailing silence after the last break; nothing to say
        }
        String sentence = request.sentences().get(index);
        byte[] withPause = SentencePause.append(pcm, format, sentence, request.settings());
        inSink = true;
        try {
            sink.accept(new SpeechChunk(index, sentence, format, withPause));
        } finally {
            lastOutputNanos = System.nanoTime();
            inSink = false;
        }
        return index + 1;
    }

    /** The sentences as SSML, each followed by a long break; text is escaped and composed (NFC). */
    static String ssml(List<String> sentences) {
        StringBuilder s = new StringBuilder("<speak>");
        for (String sentence : sentences) {
            String text = Normalizer.normalize(sentence, Normalizer.Form.NFC) // espeak-ng drops decomposed diacritics
                    .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
            // "khẩn cấp" is the word a listener must not miss: said with strong emphasis
            text = URGENT.matcher(text).replaceAll("<emphasis level=\"strong\">$0</emphasis>");
            text = NUMBER_TO_REMEMBER.matcher(text).replaceAll(EspeakRun::slowGroups);
            s.append(text).append("<break time=\"").append(BREAK_MILLIS).append("ms\"/>\n");
        }
        return s.append("</speak>\n").toString();
    }

    private static String digit() {
        return "(?:không|một|hai|ba|bốn|năm|sáu|bảy|tám|chín)";
    }

    /** A number to remember said slowly, with a clear pause between its written groups. */
    private static String slowGroups(java.util.regex.MatchResult number) {
        return "<prosody rate=\"slow\">" + number.group().replace(",", "<break time=\"" + GROUP_BREAK_MILLIS + "ms\"/>")
                + "</prosody>";
    }

    private Process start() {
        try {
            lastOutputNanos = System.nanoTime();
            return new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new SpeechException(ENGINE, "cannot start " + config.binary() + " (is the espeak-ng package "
                    + "installed?): " + e.getMessage(), e);
        }
    }

    private Thread watch(Process process, Thread caller) {
        long limit = config.silenceTimeout().toNanos();
        Thread watchdog = new Thread(() -> {
            try {
                while (process.isAlive()) {
                    if (caller.isInterrupted()) {
                        killedBecause = "interrupted";
                    } else if (!inSink && System.nanoTime() - lastOutputNanos > limit) {
                        killedBecause = "no audio for " + config.silenceTimeout().toMillis() + " ms";
                    }
                    if (killedBecause != null) {
                        kill(process);
                        return;
                    }
                    Thread.sleep(20);
                }
            } catch (InterruptedException e) {
                // the run is over
            }
        }, "espeak-ng-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        return watchdog;
    }

    private static CompletableFuture<byte[]> drain(InputStream in) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (in) {
                result.complete(in.readNBytes(64 * 1024));
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                result.completeExceptionally(e);
            }
        }, "espeak-ng-stderr");
        reader.setDaemon(true);
        reader.start();
        return result;
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
