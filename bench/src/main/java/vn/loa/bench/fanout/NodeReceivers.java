package vn.loa.bench.fanout;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The loudspeaker side of the fan-out benchmark, run as its own process: binds one UDP socket per simulated node on
 * 127.0.0.1 and counts what each receives, so the sender's process pays only for sending.
 *
 * <p>Arguments: node count, RTP clock rate, receiving threads. Prints {@code ports p1,p2,...} once bound, then answers
 * commands on standard input, one a line: {@code measure} (start the window), {@code report} (one line of figures
 * for the window so far), {@code quit}.
 */
public final class NodeReceivers {

    private NodeReceivers() {
    }

    public static void main(String[] args) throws Exception {
        int nodes = Integer.parseInt(args[0]);
        int clockRate = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        List<List<DatagramChannel>> slices = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            slices.add(new ArrayList<>());
        }
        StringJoiner ports = new StringJoiner(",", "ports ", "");
        for (int i = 0; i < nodes; i++) {
            DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
            channel.bind(new InetSocketAddress(loopback, 0));
            ports.add(Integer.toString(((InetSocketAddress) channel.getLocalAddress()).getPort()));
            slices.get(i % threads).add(channel);
        }
        List<ReceiverSlice> running = new ArrayList<>();
        for (List<DatagramChannel> slice : slices) {
            ReceiverSlice receiver = new ReceiverSlice(slice, clockRate);
            running.add(receiver);
            Thread thread = new Thread(receiver, "receivers-" + running.size());
            thread.setDaemon(true);
            thread.start();
        }
        System.out.println(ports);
        System.out.flush();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in));
        for (String line; (line = commands.readLine()) != null && !line.equals("quit"); ) {
            if (line.equals("measure")) {
                running.forEach(ReceiverSlice::startWindow);
                System.out.println("measuring");
            } else if (line.equals("report")) {
                System.out.println(ReceiverSlice.report(running));
            }
            System.out.flush();
        }
        System.exit(0);
    }
}
