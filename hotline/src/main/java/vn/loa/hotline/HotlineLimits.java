package vn.loa.hotline;

import java.time.Duration;

/**
 * What the hotline allows a caller it does not yet trust: how fast they may call, how many calls may wait at the PIN
 * prompt and for how long, and how long an idle SIP/TCP connection stays open. The bounds keep one caller from
 * denying the hotline to the others (issue 22; ADR 0022).
 *
 * @param pinAttempts      wrong PINs in a row, from one number and address, before that pair is backed off
 * @param invitesPerSecond sustained INVITEs accepted from one address; a burst of twice that passes
 * @param maxCalls         calls at once; more are answered busy
 * @param pinWaiting       calls at once not authenticated by SIP digest that have not yet entered their PIN; fewer than
 *                         {@code maxCalls}, so parked calls always leave room for a leader's
 * @param keyTimeout       how long the menu waits for a key before it hangs up
 * @param pinTimeout       how long a call may take from being answered to its PIN accepted
 * @param tcpIdle          how long a SIP/TCP connection that carries no call may stay silent before it is closed
 * @param tcpPerAddress    SIP/TCP connections open at once from one address; more are closed on accept
 */
public record HotlineLimits(int pinAttempts, int invitesPerSecond, int maxCalls, int pinWaiting, Duration keyTimeout,
        Duration pinTimeout, Duration tcpIdle, int tcpPerAddress) {

    public HotlineLimits {
        if (pinAttempts < 1 || invitesPerSecond < 1 || maxCalls < 1 || pinWaiting < 1 || tcpPerAddress < 1) {
            throw new IllegalArgumentException("pinAttempts, invitesPerSecond, maxCalls, pinWaiting and tcpPerAddress "
                    + "must be positive");
        }
        if (pinWaiting >= maxCalls) {
            throw new IllegalArgumentException("pinWaiting (" + pinWaiting + ") must be below maxCalls (" + maxCalls
                    + "), or calls parked at the PIN prompt could take every slot");
        }
    }

    /** The defaults of {@code loa-defaults.properties}. */
    public static HotlineLimits defaults() {
        return new HotlineLimits(3, 5, 8, 4, Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(30),
                16);
    }
}
