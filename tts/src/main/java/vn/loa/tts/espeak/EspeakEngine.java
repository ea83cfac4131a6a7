package vn.loa.tts.espeak;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.loa.tts.engine.SentenceSink;
import vn.loa.tts.engine.SpeechEngine;
import vn.loa.tts.engine.SpeechException;
import vn.loa.tts.engine.SpeechRequest;
import vn.loa.tts.engine.VoiceSettings;

/**
 * The espeak-ng engine: Loa's default Vietnamese voices (North, Centre, South), run as a process.
 *
 * <p>Thread-safe and stateless between calls. Each request runs one espeak-ng process whose audio is cut back into
 * sentences as it streams out (see {@link EspeakRun}), so the first sentence goes on air after one process start
 * and one sentence of synthesis, and the whole notice costs about what raw espeak-ng costs. A process that writes
 * nothing for {@link EspeakConfig#silenceTimeout()}, or whose caller is interrupted, is killed and reported.
 */
public final class EspeakEngine implements SpeechEngine {

    public static final String NAME = "espeak-ng";

    /** Northern, Central and Southern Vietnamese, plus English for tourist areas. */
    public static final Set<String> VOICES = Set.of("vi", "vi-vn-x-central", "vi-vn-x-south", "en", "en-us");

    private final EspeakConfig config;

    public EspeakEngine(EspeakConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> voices() {
        return VOICES;
    }

    @Override
    public void synthesize(SpeechRequest request, SentenceSink sink) {
        if (!supports(request.voice())) {
            throw new SpeechException(NAME, "no voice '" + request.voice() + "'; it has " + VOICES);
        }
        if (request.sentences().isEmpty()) {
            return;
        }
        new EspeakRun(command(request.voice(), request.settings()), config).speak(request, sink);
    }

    /** The command line for a voice and its settings; the text itself goes through stdin, as SSML. */
    List<String> command(String voice, VoiceSettings settings) {
        List<String> command = new ArrayList<>();
        command.add(config.binary().toString());
        command.addAll(List.of("-v", voice,
                "-s", String.valueOf(config.wordsPerMinute() * settings.ratePercent() / 100),
                "-p", String.valueOf(Math.min(99, settings.pitch())),
                "-a", String.valueOf(settings.volumePercent()),
                "-m", "-b", "1", "--stdout", "--stdin"));
        return command;
    }
}
