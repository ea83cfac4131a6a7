package vn.loa.server.air;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.loa.core.arbiter.ArbiterEvent;
import vn.loa.core.arbiter.ArbiterListener;

/**
 * The transmitter's events (on air, preempted, ended), passed on to whoever subscribed: the air's log.
 *
 * <p>It cuts a loop. The transmitter takes its listener when it is built, and the log needs what is built on the
 * transmitter (its SSRCs, the zone streams, the HTTP mounts); so the transmitter is given this, and the log subscribes
 * once it exists, before the transmitter starts. No event is sent before that.
 */
final class ArbiterEvents implements ArbiterListener {

    private final List<ArbiterListener> subscribers = new CopyOnWriteArrayList<>();

    void subscribe(ArbiterListener subscriber) {
        subscribers.add(subscriber);
    }

    @Override
    public void onEvent(ArbiterEvent event) {
        subscribers.forEach(s -> s.onEvent(event));
    }
}
