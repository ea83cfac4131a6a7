package vn.loa.node.control;

/** Where a node's control channel is in its life. */
public enum ChannelState {
    /** Opening the WebSocket. */
    CONNECTING,
    /** Connected, hello sent, waiting for welcome or refused. */
    GREETING,
    /** Welcomed: heartbeats flow and commands are obeyed. */
    ONLINE,
    /** Lost, refused or unreachable: waiting out the backoff before the next attempt. */
    WAITING,
    /** Closed by the agent itself. */
    STOPPED
}
