package vn.loa.bench.fanout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The kernel's UDP counters from {@code /proc/net/snmp}: on loopback every datagram dropped anywhere (a full socket
 * buffer on either side) shows here, which makes them the arbiter of "0 loss".
 *
 * @param receiveBufferErrors datagrams dropped because a receiving socket's buffer was full
 * @param sendBufferErrors datagrams refused because the sending socket's buffer was full
 * @param inErrors every datagram received but not delivered
 */
record UdpCounters(long receiveBufferErrors, long sendBufferErrors, long inErrors) {

    static UdpCounters now() {
        try {
            List<String> udp = Files.readAllLines(Path.of("/proc/net/snmp")).stream()
                    .filter(l -> l.startsWith("Udp: ")).toList();
            List<String> names = List.of(udp.get(0).split(" "));
            String[] values = udp.get(1).split(" ");
            return new UdpCounters(Long.parseLong(values[names.indexOf("RcvbufErrors")]),
                    Long.parseLong(values[names.indexOf("SndbufErrors")]),
                    Long.parseLong(values[names.indexOf("InErrors")]));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/net/snmp", e);
        }
    }

    UdpCounters since(UdpCounters before) {
        return new UdpCounters(receiveBufferErrors - before.receiveBufferErrors,
                sendBufferErrors - before.sendBufferErrors, inErrors - before.inErrors);
    }

    long dropped() {
        return receiveBufferErrors + sendBufferErrors + inErrors;
    }
}
