/** Store-and-forward: announcements fetched ahead of their time, checked, and played by the node's own clock. */
package vn.loa.node.prefetch;
