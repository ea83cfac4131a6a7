package vn.loa.node.control;

import vn.loa.wire.control.ControlMessage;

/**
 * The node's side of the control channel: what it does with the server's messages and what it says in each
 * heartbeat. Called on the channel's event loop, so implementations must not block.
 */
public interface ControlHandler {

    /** The server accepted the node (again, after every reconnection). */
    void welcomed(ControlMessage.Welcome welcome);

    /** A {@code Play}, {@code Stop} or {@code Volume} command. */
    void command(ControlMessage command);

    /** The heartbeat to send now. */
    ControlMessage.Heartbeat heartbeat();

    /** A binary frame: a packet of the stream, sent this way while UDP does not reach the node. */
    default void media(byte[] packet) {
    }

    /** The channel closed; a welcome follows when it is back. */
    default void disconnected() {
    }
}
