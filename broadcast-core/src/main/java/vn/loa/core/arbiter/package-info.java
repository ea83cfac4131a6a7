/** The per-zone arbiter that decides which programme a zone hears: emergency, live, scheduled, background. */
package vn.loa.core.arbiter;
