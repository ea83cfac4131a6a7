/** SRTP (RFC 3711, AES_CM_128_HMAC_SHA1_80 through jitsi-srtp) for zone streams to node agents, and SDES keys (RFC 4568). */
package vn.loa.core.srtp;
