package vn.loa.core.arbiter;

/** Receives every {@link ArbiterEvent}, on the thread that changed the arbiter; it must not call back into it. */
@FunctionalInterface
public interface ArbiterListener {

    void onEvent(ArbiterEvent event);
}
