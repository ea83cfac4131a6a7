package vn.loa.tts;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.loa.tts.engine.SpeechException;

/**
 * {@code loa say "text" [--voice vi] [--out file.wav] [--print]}: speaks a notice with a local voice (espeak-ng's,
 * or FreeTTS's English "kevin16") into a WAV file (or standard output), or with {@code --print} only shows what
 * would be said, one sentence per line, in the voice's language.
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
        String voice = null;
        Path file = null;
        boolean print = false;
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--voice" -> voice = i + 1 < args.length ? args[++i] : null;
                case "--out" -> file = i + 1 < args.length ? Path.of(args[++i]) : null;
                case "--print" -> print = true;
                default -> words.add(args[i]);
            }
        }
        if (words.isEmpty()) {
            err.println("usage: loa say \"text\" [--voice vi|vi-vn-x-central|vi-vn-x-south|en|kevin16] [--out file.wav]"
                    + " [--print]");
            return 2;
        }
        Announcer announcer = Announcer.withLocalVoices();
        String text = String.join(" ", words);
        try {
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
}
