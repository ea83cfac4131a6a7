package vn.loa.tts.espeak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BreakSplitterTest {

    private static final int RATE = 1000; // one sample per millisecond keeps the arithmetic readable
    private static final int BREAK = 2000;

    @Test
    void cutsAtEachBreakAndKeepsShortPausesInsideASentence() {
        byte[] stream = pcm(sound(400), silence(300), sound(200), silence(BREAK), sound(500), silence(BREAK));
        List<byte[]> sentences = splitInPieces(stream, 7);
        assertThat(sentences).extracting(s -> s.length / 2).containsExactly(900, 500);
    }

    @Test
    void reportsASentenceAsSoonAsMostOfABreakHasPassed() {
        BreakSplitter splitter = new BreakSplitter(RATE, BREAK);
        byte[] start = pcm(sound(400), silence(BREAK * 6 / 10));
        assertThat(splitter.feed(start, 0, start.length)).hasSize(1);
    }

    @Test
    void givesSilentSentencesEmptyAudioSoNumbersStayRight() {
        byte[] stream = pcm(sound(400), silence(BREAK), silence(BREAK), sound(300), silence(BREAK));
        assertThat(splitInPieces(stream, 1000)).extracting(s -> s.length / 2).containsExactly(400, 0, 300);
    }

    @Test
    void theLastSentenceCountsEvenWithoutAFinalBreak() {
        byte[] stream = pcm(sound(400), silence(BREAK), sound(250));
        assertThat(splitInPieces(stream, 3)).extracting(s -> s.length / 2).containsExactly(400, 250);
    }

    @Test
    void samplesSplitAcrossReadsAreJoined() {
        byte[] stream = pcm(sound(10), silence(BREAK));
        assertThat(splitInPieces(stream, 1)).hasSize(1).first().extracting(s -> s.length).isEqualTo(20);
    }

    private static List<byte[]> splitInPieces(byte[] stream, int piece) {
        BreakSplitter splitter = new BreakSplitter(RATE, BREAK);
        List<byte[]> out = new ArrayList<>();
        for (int at = 0; at < stream.length; at += piece) {
            out.addAll(splitter.feed(stream, at, Math.min(piece, stream.length - at)));
        }
        out.addAll(splitter.finish());
        return out;
    }

    private static short[] sound(int samples) {
        short[] s = new short[samples];
        for (int i = 0; i < samples; i++) {
            s[i] = (short) (i % 2 == 0 ? 1200 : -900);
        }
        return s;
    }

    private static short[] silence(int samples) {
        return new short[samples];
    }

    private static byte[] pcm(short[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (short[] part : parts) {
            for (short s : part) {
                out.write(s & 0xFF);
                out.write((s >> 8) & 0xFF);
            }
        }
        return out.toByteArray();
    }
}
