package vn.loa.core.srtp;

/**
 * Where a protected zone stream stands in SRTP's packet index: its SSRC and how many times its sequence number has
 * wrapped (the rollover counter, RFC 3711 §3.3.1). A node agent that joins the running stream needs both, with the
 * key, to authenticate its first packet: {@link SrtpReceiver#expect}.
 */
public record StreamRollover(long ssrc, int rolloverCounter) {
}
