/** Plugins in the server: their saved configuration, the admin API, their HTTP routes, and what their output becomes. */
package vn.loa.server.plugin;
