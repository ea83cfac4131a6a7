/** The SIP hotline: user agent, caller checks, DTMF, the Vietnamese voice menu and the live relay of the caller. */
package vn.loa.hotline;
