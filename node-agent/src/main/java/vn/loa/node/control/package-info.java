/** The node's control channel to the server: hello, heartbeats, commands, and reconnection with backoff. */
package vn.loa.node.control;
