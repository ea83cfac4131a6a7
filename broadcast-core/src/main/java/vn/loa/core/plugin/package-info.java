/** Plugin loading and isolation: finds plugins, runs each on its own bounded thread, and reports their trouble. */
package vn.loa.core.plugin;
