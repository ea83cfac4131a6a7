/** The audit log: written with each change as a hash chain per unit, read and verified, forwarded to syslog and sealed. */
package vn.loa.server.audit;
