/** The zone output that protects a zone stream with SRTP (the wire module holds the SRTP codec itself). */
package vn.loa.core.srtp;
