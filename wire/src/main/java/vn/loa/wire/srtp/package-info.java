/** SRTP (RFC 3711, AES_CM_128_HMAC_SHA1_80 through jitsi-srtp) protection and SDES keys (RFC 4568) of zone streams. */
package vn.loa.wire.srtp;
