package vn.loa.hotline;

import gov.nist.core.net.DefaultNetworkLayer;
import gov.nist.core.net.NetworkLayer;
import gov.nist.javax.sip.SipStackImpl;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * JAIN-SIP's network layer with the hotline's {@link TcpGuard} on the SIP/TCP listening socket; everything else as
 * JAIN-SIP's default. JAIN-SIP builds this class by name ({@code gov.nist.javax.sip.NETWORK_LAYER}) with no
 * arguments, so each stack's guard is looked up by the stack's name, registered before the stack is made.
 */
public final class GuardedNetworkLayer implements NetworkLayer {

    private static final Map<String, TcpGuard> GUARDS = new ConcurrentHashMap<>();

    private final NetworkLayer plain = DefaultNetworkLayer.SINGLETON;
    private TcpGuard guard;

    static void register(String stackName, TcpGuard guard) {
        GUARDS.put(stackName, guard);
    }

    static void unregister(String stackName) {
        GUARDS.remove(stackName);
    }

    @Override
    public void setSipStack(SipStackImpl stack) {
        plain.setSipStack(stack);
        guard = GUARDS.get(stack.getStackName());
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        if (guard == null) {
            return plain.createServerSocket(port, backlog, bindAddress);
        }
        TcpGuard watch = guard;
        return new ServerSocket(port, backlog, bindAddress) {
            @Override
            public Socket accept() throws IOException {
                while (true) {
                    TcpGuard.Watched socket = watch.socket();
                    implAccept(socket);
                    if (watch.admit(socket)) {
                        return socket;
                    }
                    socket.close();
                }
            }
        };
    }

    @Override
    public SSLServerSocket createSSLServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        return plain.createSSLServerSocket(port, backlog, bindAddress);
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        return plain.createSocket(address, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
        return plain.createSocket(address, port, myAddress);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress myAddress, int myPort) throws IOException {
        return plain.createSocket(address, port, myAddress, myPort);
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port) throws IOException {
        return plain.createSSLSocket(address, port);
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
        return plain.createSSLSocket(address, port, myAddress);
    }

    @Override
    public DatagramSocket createDatagramSocket() throws SocketException {
        return plain.createDatagramSocket();
    }

    @Override
    public DatagramSocket createDatagramSocket(int port, InetAddress bindAddress) throws SocketException {
        return plain.createDatagramSocket(port, bindAddress);
    }
}
