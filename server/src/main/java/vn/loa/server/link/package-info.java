/** The province link (issue 14, ADR 0037): signed messages between an upstream Loa and its downstream Loa systems. */
package vn.loa.server.link;
