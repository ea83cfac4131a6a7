package vn.loa.plugin;

/**
 * A plugin part that passes every aired notice on (e-mail, a messaging gateway, the province's report).
 *
 * <p>Loa calls it once per notice that finished airing, in order, from the plugin's thread; notices waiting beyond a
 * bounded queue are dropped and reported. A channel that retries should keep its own queue rather than hold the call.
 */
public interface OutboundChannel {

    void deliver(AiredNotice notice) throws Exception;
}
