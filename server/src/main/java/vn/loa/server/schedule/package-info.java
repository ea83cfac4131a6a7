/** Scheduled announcements: the programme clock wired to the air, the firings it records, and the programme grid. */
package vn.loa.server.schedule;
