package vn.loa.hotline;

/**
 * How the hotline reaches the telephone network: the address it listens on (UDP and TCP), the address it tells
 * callers to send media to, optionally the operator's SIP trunk or PBX it registers with (digest authentication), the
 * realm it challenges phones in, and its limits.
 *
 * @param listenHost  the local address SIP and RTP bind to
 * @param port        the SIP port (UDP and TCP); 0 picks a free one
 * @param publicHost  the address written in Contact and SDP (the host as callers reach it)
 * @param registrar   {@code host:port} of the trunk or PBX to register with; null to take direct calls only
 * @param user        the account at the registrar (also the user part of the hotline's address)
 * @param password    the account's password for digest authentication
 * @param domain      the SIP domain of the account; null means the registrar's host
 * @param realm       the digest realm phones with a SIP password answer in (part of each stored HA1)
 * @param limits      what an untrusted caller may do
 */
public record HotlineSettings(String listenHost, int port, String publicHost, String registrar, String user,
        String password, String domain, String realm, HotlineLimits limits) {

    public HotlineSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535: " + port);
        }
    }

    /** Direct calls only, on {@code host:port}, with the defaults of {@code loa-defaults.properties}. */
    public static HotlineSettings direct(String host, int port) {
        return new HotlineSettings(host, port, host, null, "hotline", "", null, "loa", HotlineLimits.defaults());
    }

    public HotlineSettings withRegistrar(String registrar, String user, String password, String domain) {
        return new HotlineSettings(listenHost, port, publicHost, registrar, user, password, domain, realm, limits);
    }
}
