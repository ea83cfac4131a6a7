package vn.loa.tts.espeak;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import vn.loa.tts.engine.SpeechException;
import vn.loa.tts.engine.WavCodec;

/**
 * One run of espeak-ng for one sentence: text in on stdin, WAV out on stdout, killed if it takes too long.
 *
 * <p>Used by one thread at a time. Text goes through stdin, never the command line, so a sentence starting with
 * "-" cannot become an option. Output is read on a separate thread while the process runs, because a full pipe
 * would otherwise stall espeak-ng forever.
 */
final class EspeakProcess {

    private static final String ENGINE = EspeakEngine.NAME;

    private EspeakProcess() {
    }

    static WavCodec.Decoded run(List<String> command, String sentence, EspeakConfig config) {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new SpeechException(ENGINE, "cannot start " + config.binary() + " (is the espeak-ng package "
                    + "installed?): " + e.getMessage(), e);
        }
        CompletableFuture<byte[]> stdout = readAsync(process.getInputStream());
        CompletableFuture<byte[]> stderr = readAsync(process.getErrorStream());
        try (OutputStream stdin = process.getOutputStream()) {
            // espeak-ng loses diacritics of decomposed text and drifts into English: always NFC
            stdin.write(Normalizer.normalize(sentence, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the process died before reading its input; its exit code and stderr say why
        }
        try {
            if (!process.waitFor(config.sentenceTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new SpeechException(ENGINE, "no answer within " + config.sentenceTimeout().toMillis()
                        + " ms for \"" + shorten(sentence) + "\"; the process was killed");
            }
            byte[] wav = stdout.get(config.sentenceTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (process.exitValue() != 0 || wav.length == 0) {
                String error = new String(stderr.get(1, TimeUnit.SECONDS), StandardCharsets.UTF_8).strip();
                throw new SpeechException(ENGINE, "exited with code " + process.exitValue()
                        + (error.isEmpty() ? "" : ": " + error) + " for \"" + shorten(sentence) + "\"");
            }
            return WavCodec.decode(wav);
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new SpeechException(ENGINE, "interrupted; the process was killed", e);
        } catch (ExecutionException | TimeoutException e) {
            kill(process);
            throw new SpeechException(ENGINE, "could not read its output: " + e, e);
        } catch (IllegalArgumentException e) {
            throw new SpeechException(ENGINE, "wrote output that is not 16-bit mono WAV: " + e.getMessage(), e);
        } finally {
            if (process.isAlive()) {
                kill(process);
            }
        }
    }

    private static CompletableFuture<byte[]> readAsync(InputStream in) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (in) {
                result.complete(in.readAllBytes());
            } catch (IOException e) {
                result.completeExceptionally(e);
            }
        }, "espeak-ng-reader");
        reader.setDaemon(true);
        reader.start();
        return result;
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static String shorten(String sentence) {
        return sentence.length() <= 60 ? sentence : sentence.substring(0, 57) + "...";
    }
}
