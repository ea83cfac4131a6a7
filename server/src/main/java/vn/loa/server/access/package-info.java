/** Who is asking and what they may do: the caller, their role and its actions; no HTTP, no database. */
package vn.loa.server.access;
