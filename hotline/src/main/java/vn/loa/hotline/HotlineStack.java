package vn.loa.hotline;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Properties;

/** How the hotline's JAIN-SIP stack is configured, and the port it takes when none is set. */
final class HotlineStack {

    private HotlineStack() {
    }

    /**
     * The stack's properties: named {@code name} (its {@link GuardedNetworkLayer} guard is registered under it), with
     * the limits that keep a malformed or flooding peer cheap.
     */
    static Properties properties(String name) {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", name);
        // Inbound SIP/TCP goes through the guard: a cap per address and an idle timeout (TcpGuard).
        p.setProperty("gov.nist.javax.sip.NETWORK_LAYER", GuardedNetworkLayer.class.getName());
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", SipLog.class.getName());
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        // A message over 16 KB is no phone call: refuse it before parsing (TCP), as UDP's datagram size does.
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "16384");
        p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", "2000");
        // A thread each; TcpGuard keeps one address from holding more than its share, or holding them idle.
        p.setProperty("gov.nist.javax.sip.MAX_CONNECTIONS", "128");
        return p;
    }

    /** A port free for both UDP and TCP on {@code host}. */
    static int freePort(String host) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket tcp = new ServerSocket()) {
                tcp.bind(new InetSocketAddress(host, 0));
                int candidate = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(host, candidate))) {
                    return candidate;
                } catch (IOException taken) {
                    // the UDP side is in use; try another
                }
            }
        }
        throw new IOException("no free port for SIP on " + host);
    }
}
