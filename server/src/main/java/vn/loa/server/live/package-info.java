/** What the web UI is told as it happens: announcement progress as server-sent events, and node commands. */
package vn.loa.server.live;
