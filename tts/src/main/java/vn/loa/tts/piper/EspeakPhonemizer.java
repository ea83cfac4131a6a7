package vn.loa.tts.piper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import vn.loa.tts.engine.SpeechException;

/**
 * Phonemes from espeak-ng's own phonemizer ({@code espeak-ng -q --ipa}), as Piper voices are trained on them.
 *
 * <p>Thread-safe: one short process per sentence (~20–50 ms). Piper links libespeak-ng and asks it per clause; the
 * command line gives the same IPA per clause, one line each, which are joined with the sentence's own punctuation
 * between them, so the model hears the clause breaks it was trained with.
 */
public final class EspeakPhonemizer implements Phonemizer {

    private final Path binary;

    public EspeakPhonemizer(Path binary) {
        this.binary = binary;
    }

    @Override
    public String phonemes(String sentence, String espeakVoice) {
        try {
            Process process = new ProcessBuilder(List.of(binary.toString(), "-q", "--ipa", "-v", espeakVoice, "--stdin"))
                    .redirectErrorStream(true).start();
            try (var in = process.getOutputStream()) {
                in.write(sentence.getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new SpeechException(PiperEngine.NAME, "espeak-ng could not phonemise: " + out.strip());
            }
            String end = sentence.strip().isEmpty() ? "" : sentence.strip().substring(sentence.strip().length() - 1);
            return String.join(", ", out.strip().split("\\R+")) + (".!?,;:".contains(end) ? end : "");
        } catch (IOException e) {
            throw new SpeechException(PiperEngine.NAME, "cannot run " + binary + " to phonemise: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpeechException(PiperEngine.NAME, "interrupted while phonemising", e);
        }
    }
}
