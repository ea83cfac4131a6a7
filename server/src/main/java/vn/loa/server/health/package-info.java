/** How the server is doing, for {@code /health} and {@code /metrics}: database, speech, the air's backlog, memory, disk. */
package vn.loa.server.health;
