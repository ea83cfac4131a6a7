package vn.loa.hotline;

import java.time.Duration;

/**
 * How the hotline reaches the telephone network: the address it listens on (UDP and TCP), the address it tells
 * callers to send media to, and optionally the operator's SIP trunk or PBX it registers with (digest authentication).
 *
 * @param listenHost  the local address SIP and RTP bind to
 * @param port        the SIP port (UDP and TCP); 0 picks a free one
 * @param publicHost  the address written in Contact and SDP (the host as callers reach it)
 * @param registrar   {@code host:port} of the trunk or PBX to register with; null to take direct calls only
 * @param user        the account at the registrar (also the user part of the hotline's address)
 * @param password    the account's password for digest authentication
 * @param domain      the SIP domain of the account; null means the registrar's host
 * @param pinAttempts wrong PINs in a row before a number is locked
 * @param invitesPerSecond sustained INVITEs accepted from one address; a burst of twice that passes
 * @param maxCalls    calls at once; more are answered busy
 * @param pinTimeout  how long the menu waits for a digit before it hangs up
 */
public record HotlineSettings(String listenHost, int port, String publicHost, String registrar, String user,
        String password, String domain, int pinAttempts, int invitesPerSecond, int maxCalls, Duration pinTimeout) {

    public HotlineSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535: " + port);
        }
        if (pinAttempts < 1 || invitesPerSecond < 1 || maxCalls < 1) {
            throw new IllegalArgumentException("pinAttempts, invitesPerSecond and maxCalls must be positive");
        }
    }

    /** Direct calls only, on {@code host:port}, with the defaults of {@code loa-defaults.properties}. */
    public static HotlineSettings direct(String host, int port) {
        return new HotlineSettings(host, port, host, null, "hotline", "", null, 3, 5, 8, Duration.ofSeconds(20));
    }

    public HotlineSettings withRegistrar(String registrar, String user, String password, String domain) {
        return new HotlineSettings(listenHost, port, publicHost, registrar, user, password, domain, pinAttempts,
                invitesPerSecond, maxCalls, pinTimeout);
    }
}
