/** Loa configuration: defaults, loa.conf and environment merged into one record. */
package vn.loa.server.config;
