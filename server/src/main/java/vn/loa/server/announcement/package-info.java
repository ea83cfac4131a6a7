/** Announcements: their HTTP routes, the lifecycle service with its rules and scope, and their storage. */
package vn.loa.server.announcement;
