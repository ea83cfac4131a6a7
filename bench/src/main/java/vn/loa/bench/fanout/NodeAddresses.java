package vn.loa.bench.fanout;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Where the benchmark's simulated nodes listen: each on its own loopback address (127.16.0.1, 127.16.0.2, ...), as a
 * commune's loudspeakers each have an address of their own, on one of a few RTP ports (so the node process can read
 * them through a few sockets). Linux delivers the whole of 127.0.0.0/8 to the loopback interface, so no set-up is
 * needed.
 */
final class NodeAddresses {

    /** 127.16.0.1 as an int: node 0. */
    private static final int FIRST = 0x7F10_0001;
    /** Stays inside 127.16.0.0/12, far from 127.0.0.1. */
    static final int MOST = 1 << 20;

    private NodeAddresses() {
    }

    /** Node {@code node}'s address when the nodes share {@code sockets} RTP ports, every other one from {@code base}. */
    static InetSocketAddress of(int node, int base, int sockets) {
        return of(node, base + 2 * (node % sockets));
    }

    static InetSocketAddress of(int node, int port) {
        if (node < 0 || node >= MOST) {
            throw new IllegalArgumentException("node " + node + " out of range");
        }
        int a = FIRST + node;
        try {
            return new InetSocketAddress(InetAddress.getByAddress(
                    new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a}), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an address
        }
    }

    /** The node an address belongs to, or -1 for any other address. */
    static int indexOf(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length != 4) {
            return -1;
        }
        int a = (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
        int node = a - FIRST;
        return node >= 0 && node < MOST ? node : -1;
    }
}
