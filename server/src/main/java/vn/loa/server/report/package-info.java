/** Reports for the commune office (broadcasts, availability, the log) and for a province by commune; JSON, CSV, XLSX. */
package vn.loa.server.report;
