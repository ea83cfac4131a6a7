package vn.loa.tts.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.loa.tts.engine.PcmFormat;
import vn.loa.tts.engine.VoiceSettings;

class SynthesisCacheTest {

    private static CacheKey key(String sentence) {
        return new CacheKey(sentence, "espeak-ng", "vi", VoiceSettings.NORMAL);
    }

    @Test
    void returnsWhatWasPutForTheSameKeyOnly() {
        SynthesisCache cache = new SynthesisCache(1_000_000);
        cache.put(key("Xin chào."), PcmFormat.ESPEAK, new byte[100]);
        assertThat(cache.get(key("Xin chào."))).isPresent();
        assertThat(cache.get(new CacheKey("Xin chào.", "espeak-ng", "vi-vn-x-south", VoiceSettings.NORMAL))).isEmpty();
        assertThat(cache.get(new CacheKey("Xin chào.", "espeak-ng", "vi", new VoiceSettings(120, 50, 100)))).isEmpty();
        assertThat(cache.get(new CacheKey("Xin chào.", "freetts", "vi", VoiceSettings.NORMAL))).isEmpty();
    }

    @Test
    void staysWithinItsBoundByDroppingTheLeastRecentlyUsed() {
        SynthesisCache cache = new SynthesisCache(3 * (1000 + key("a.").weight()));
        cache.put(key("a."), PcmFormat.ESPEAK, new byte[1000]);
        cache.put(key("b."), PcmFormat.ESPEAK, new byte[1000]);
        cache.put(key("c."), PcmFormat.ESPEAK, new byte[1000]);
        cache.get(key("a.")); // a is now the most recently used
        cache.put(key("d."), PcmFormat.ESPEAK, new byte[1000]);
        assertThat(cache.get(key("b."))).isEmpty();
        assertThat(cache.get(key("a."))).isPresent();
        assertThat(cache.get(key("d."))).isPresent();
        assertThat(cache.stats().bytes()).isLessThanOrEqualTo(cache.stats().maxBytes());
        assertThat(cache.stats().entries()).isEqualTo(3);
    }

    @Test
    void aSentenceLargerThanTheWholeBoundIsNotKept() {
        SynthesisCache cache = new SynthesisCache(500);
        cache.put(key("dài."), PcmFormat.ESPEAK, new byte[1000]);
        assertThat(cache.stats().entries()).isZero();
    }

    @Test
    void countsHitsAndMisses() {
        SynthesisCache cache = new SynthesisCache(10_000);
        cache.put(key("a."), PcmFormat.ESPEAK, new byte[10]);
        cache.get(key("a."));
        cache.get(key("b."));
        assertThat(cache.stats().hits()).isEqualTo(1);
        assertThat(cache.stats().misses()).isEqualTo(1);
    }
}
