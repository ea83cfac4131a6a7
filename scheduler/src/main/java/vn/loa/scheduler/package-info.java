/** The programme clock: Quartz with its JDBC job store, recurrences in Asia/Ho_Chi_Minh, and the misfire policy. */
package vn.loa.scheduler;
