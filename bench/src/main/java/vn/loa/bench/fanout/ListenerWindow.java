package vn.loa.bench.fanout;

import java.time.Duration;
import java.util.Scanner;

/**
 * One measured window of N HTTP listeners ({@link HttpListeners}, a process of its own) on one stream of a server
 * process: connect them, let them warm up, then count their bytes and both processes' CPU over the window.
 */
final class ListenerWindow {

    private ListenerWindow() {
    }

    /** @param httpVersion {@code 1.0}, or {@code 1.1} for a server that streams chunked */
    static IcecastFigures measure(int listeners, int port, String mount, String httpVersion, long serverPid,
            Duration warmUp, Duration window) throws InterruptedException {
        try (ChildProcess clients = ChildProcess.start(HttpListeners.class, Integer.toString(listeners),
                Integer.toString(port), mount, httpVersion)) {
            int connected = Integer.parseInt(clients.readLine().substring("connected ".length()));
            Thread.sleep(warmUp.toMillis());
            clients.ask("measure");
            double cpu0 = CpuTime.seconds(serverPid);
            double clientsCpu0 = CpuTime.seconds(clients.pid());
            long t0 = System.nanoTime();
            Thread.sleep(window.toMillis());
            double cpu = CpuTime.seconds(serverPid) - cpu0;
            double clientsCpu = CpuTime.seconds(clients.pid()) - clientsCpu0;
            double seconds = (System.nanoTime() - t0) / 1e9;
            Scanner report = new Scanner(clients.ask("report"));
            report.next();
            long bytes = report.nextLong();
            report.next();
            long fewest = report.nextLong();
            return new IcecastFigures(listeners, connected, seconds, bytes, fewest / seconds, 100 * cpu / seconds,
                    100 * clientsCpu / seconds);
        }
    }
}
