/** How the stream reaches the node: keepalives that hold its NAT open, and the choice between UDP and the channel. */
package vn.loa.node.path;
