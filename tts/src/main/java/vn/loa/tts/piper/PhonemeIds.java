package vn.loa.tts.piper;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps phonemes to a Piper voice's ids, as Piper does: the start mark, then each phoneme's ids followed by the pad,
 * then the end mark. Phonemes are code points of the decomposed (NFD) IPA; those the voice does not know are dropped.
 */
final class PhonemeIds {

    private PhonemeIds() {
    }

    static long[] of(String ipa, PiperVoiceConfig config) {
        List<Long> ids = new ArrayList<>(config.phonemeIds().getOrDefault(PiperVoiceConfig.BOS, List.of()));
        List<Long> pad = config.phonemeIds().getOrDefault(PiperVoiceConfig.PAD, List.of());
        ids.addAll(pad);
        Normalizer.normalize(ipa, Normalizer.Form.NFD).codePoints().forEach(cp -> {
            List<Long> phoneme = config.phonemeIds().get(new String(Character.toChars(cp)));
            if (phoneme != null) {
                ids.addAll(phoneme);
                ids.addAll(pad);
            }
        });
        ids.addAll(config.phonemeIds().getOrDefault(PiperVoiceConfig.EOS, List.of()));
        return ids.stream().mapToLong(Long::longValue).toArray();
    }
}
