/** Reports for the commune office: broadcasts per day and node availability, as JSON, CSV or XLSX. */
package vn.loa.server.report;
