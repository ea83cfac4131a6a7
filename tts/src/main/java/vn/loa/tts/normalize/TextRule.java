package vn.loa.tts.normalize;

/**
 * One step of the normaliser: rewrites the written forms it knows into spoken words and leaves the rest alone.
 *
 * <p>Implementations are stateless and thread-safe. A rule may leave digits in its output for a later rule to read
 * (a range rule writes "100 đến 150mm" so that the unit rule still sees "150mm"); the order lives in
 * {@link VietnameseNormalizer}.
 */
interface TextRule {

    String apply(String text);
}
