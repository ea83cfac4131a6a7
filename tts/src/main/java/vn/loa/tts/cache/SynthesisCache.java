package vn.loa.tts.cache;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.loa.tts.engine.PcmFormat;

/**
 * Synthesised sentences kept in memory, least recently used dropped first, within a bound on bytes.
 *
 * <p>Thread-safe (one lock; lookups are a hash probe). The bound counts PCM bytes plus a small cost per key; a
 * sentence larger than the whole bound is not kept. Statistics are for the metrics endpoint and the benchmark.
 */
public final class SynthesisCache {

    private final long maxBytes;
    private final LinkedHashMap<CacheKey, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;
    private long hits;
    private long misses;

    /** @param maxBytes the most bytes of audio to keep; 64 MB holds about 25 minutes of espeak-ng speech */
    public SynthesisCache(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    public synchronized Optional<Entry> get(CacheKey key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            misses++;
            return Optional.empty();
        }
        hits++;
        return Optional.of(entry);
    }

    /** Whether the key is cached, without counting a hit or a miss or refreshing its age. */
    public synchronized boolean contains(CacheKey key) {
        return entries.containsKey(key);
    }

    public synchronized void put(CacheKey key, PcmFormat format, byte[] pcm) {
        long weight = pcm.length + key.weight();
        if (weight > maxBytes) {
            return;
        }
        Entry old = entries.put(key, new Entry(format, pcm));
        if (old != null) {
            bytes -= old.pcm().length + key.weight();
        }
        bytes += weight;
        Iterator<Map.Entry<CacheKey, Entry>> eldest = entries.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            Map.Entry<CacheKey, Entry> e = eldest.next();
            bytes -= e.getValue().pcm().length + e.getKey().weight();
            eldest.remove();
        }
    }

    public synchronized Stats stats() {
        return new Stats(entries.size(), bytes, maxBytes, hits, misses);
    }

    public synchronized void clear() {
        entries.clear();
        bytes = 0;
    }

    /** One cached sentence's audio; the array is shared and must not be changed. */
    public record Entry(PcmFormat format, byte[] pcm) {
    }

    /** How full the cache is and how often it helped. */
    public record Stats(int entries, long bytes, long maxBytes, long hits, long misses) {
    }
}
