/** The programme clock (Quartz, JDBC job store, misfires), recurrences in Vietnam's time, and the programme's rules. */
package vn.loa.scheduler;
