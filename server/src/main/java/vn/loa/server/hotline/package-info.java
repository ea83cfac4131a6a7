/** The server's side of the SIP hotline: authorised numbers, PINs, prepared alerts, calls, and the way on air. */
package vn.loa.server.hotline;
