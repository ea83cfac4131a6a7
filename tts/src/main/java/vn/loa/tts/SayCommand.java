package vn.loa.tts;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.loa.tts.engine.SpeechException;

/**
 * {@code loa say "text" [--voice vi] [--out file.wav] [--print] [--voices]}: speaks a notice with a local voice
 * (espeak-ng's, FreeTTS's English "kevin16", or a Piper voice in the data dir's {@code voices} folder, as the server
 * finds them) into a WAV file (or standard output), or with {@code --print} only shows what would be said, one
 * sentence per line, in the voice's language; {@code --voices} lists the voices.
 *
 * <p>The Piper folder is {@code LOA_TTS_PIPER_VOICES}, else {@code $LOA_DATA_DIR/voices} (data dir {@code ./data} by
 * default), and {@code LOA_TTS_ENGINE=piper} makes its first voice the default, as for the server.
 *
 * <p>The server's {@code loa} script runs this class for its {@code say} command.
 */
public final class SayCommand {

    private SayCommand() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command as {@code main} does and returns its exit status (tests compare it with the HTTP API). */
    public static int run(String[] args, OutputStream out, java.io.PrintStream err) throws IOException {
        return run(args, out, err, System.getenv());
    }

    /** As {@link #run(String[], OutputStream, java.io.PrintStream)} with these environment variables. */
    public static int run(String[] args, OutputStream out, java.io.PrintStream err, java.util.Map<String, String> env)
            throws IOException {
        String voice = null;
        Path file = null;
        boolean print = false;
        boolean list = false;
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--voice" -> voice = i + 1 < args.length ? args[++i] : null;
                case "--out" -> file = i + 1 < args.length ? Path.of(args[++i]) : null;
                case "--print" -> print = true;
                case "--voices" -> list = true;
                default -> words.add(args[i]);
            }
        }
        if (words.isEmpty() && !list) {
            err.println("usage: loa say \"text\" [--voice vi|vi-vn-x-central|vi-vn-x-south|en|kevin16|PIPER-VOICE]"
                    + " [--out file.wav] [--print] [--voices]");
            return 2;
        }
        String text = String.join(" ", words);
        try {
            Announcer announcer = announcer(piperFolder(env), "piper".equals(env.get("LOA_TTS_ENGINE")), err);
            if (list) {
                for (vn.loa.tts.engine.Voice v : announcer.voices().all()) {
                    String line = v.id() + "\t" + v.engine() + "\t" + v.label()
                            + (v.id().equals(announcer.defaultVoice()) ? "\t(default)" : "") + "\n";
                    out.write(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                return 0;
            }

            if (print) {
                for (String sentence : announcer.normalize(text, voice).sentences()) {
                    out.write((sentence + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                return 0;
            }
            byte[] wav = announcer.previewWav(text, voice);
            if (file == null) {
                out.write(wav);
            } else {
                Files.write(file, wav);
            }
            return 0;
        } catch (SpeechException | IllegalArgumentException e) { // TextTooLongException is an IllegalArgumentException
            err.println("loa say: " + e.getMessage());
            return 1;
        }
    }

    /** The local voices and the Piper ones; espeak-ng alone, as on the server, when a Piper voice cannot load. */
    private static Announcer announcer(Path piperFolder, boolean piperFirst, java.io.PrintStream err) {
        try {
            return Announcer.withLocalVoices(piperFolder, piperFirst);
        } catch (SpeechException e) {
            err.println("loa say: the Piper voices in " + piperFolder + " did not load, espeak-ng reads instead: "
                    + e.getMessage());
            return Announcer.withLocalVoices();
        }
    }

    /** Where the server looks for Piper voices: {@code LOA_TTS_PIPER_VOICES}, else the data dir's {@code voices}. */
    static Path piperFolder(java.util.Map<String, String> env) {
        String folder = env.getOrDefault("LOA_TTS_PIPER_VOICES", "");
        if (!folder.isBlank()) {
            return Path.of(folder);
        }
        String data = env.getOrDefault("LOA_DATA_DIR", "");
        return (data.isBlank() ? Path.of("data") : Path.of(data)).resolve("voices");
    }
}
