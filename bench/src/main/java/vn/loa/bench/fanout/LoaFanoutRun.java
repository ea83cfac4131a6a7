package vn.loa.bench.fanout;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.loa.core.arbiter.PreemptionPolicy;
import vn.loa.core.media.MediaClock;
import vn.loa.core.media.MixPlan;
import vn.loa.core.media.PcmBufferSource;
import vn.loa.core.media.StreamCodec;
import vn.loa.core.media.Transmitter;
import vn.loa.core.media.UdpFanOut;
import vn.loa.core.model.Priority;

/**
 * One measured run of Loa's real sending path: a {@link Transmitter} airs one notice on zones whose
 * {@link UdpFanOut}s reach N nodes, simulated by a {@link NodeReceivers} process on loopback.
 *
 * <p>The notice plays through warm-up (JIT, the receivers' baseline) and then a measured window.
 */
final class LoaFanoutRun {

    private final Duration warmUp;
    private final Duration window;
    private final int receiverThreads;
    /** How the fan-out spreads each round over the packet time (zero: all at once), as the server does. */
    private final Duration spread;

    LoaFanoutRun(Duration warmUp, Duration window, int receiverThreads, Duration spread) {
        this.spread = spread;
        this.warmUp = warmUp;
        this.window = window;
        this.receiverThreads = receiverThreads;
    }

    FanoutFigures run(StreamCodec codec, int nodes, int zoneCount) throws Exception {
        short[] speech = SpeechLikeSignal.seconds((int) (warmUp.toSeconds() + window.toSeconds() + 10));
        try (ChildProcess receivers = ChildProcess.start(NodeReceivers.class, Integer.toString(nodes),
                Integer.toString(codec.rtpMap().clockRate()), Integer.toString(receiverThreads))) {
            int[] ports = ports(receivers.readLine());
            Transmitter transmitter = new Transmitter(MediaClock.system(), InstantSource.system(), "loa@bench",
                    event -> { });
            List<UdpFanOut> fanOuts = new ArrayList<>();
            List<TimedOutput> outputs = new ArrayList<>();
            Set<String> zones = new HashSet<>();
            try {
                for (int z = 0; z < zoneCount; z++) {
                    UdpFanOut fanOut = UdpFanOut.open(new UdpFanOut.Ttl(UdpFanOut.Ttl.SYSTEM_DEFAULT, 1), spread);
                    int zoneNodes = 0;
                    for (int i = z; i < nodes; i += zoneCount) {
                        fanOut.add(NodeAddresses.of(i, ports[0], ports[1]));
                        zoneNodes++;
                    }
                    TimedOutput output = new TimedOutput(fanOut, zoneNodes, transmitter::nextDeadline,
                            !spread.isZero());
                    fanOut.onBatchSent(output::batchSent);
                    transmitter.openZone("thon-" + z, codec, output);
                    fanOuts.add(fanOut);
                    outputs.add(output);
                    zones.add("thon-" + z);
                }
                transmitter.start();
                transmitter.air("bench-notice", Priority.SCHEDULED, PreemptionPolicy.RESTART, zones,
                        () -> new PcmBufferSource(speech, SpeechLikeSignal.SAMPLE_RATE), MixPlan.once());
                Thread.sleep(warmUp.toMillis());
                return measure(codec, nodes, zoneCount, receivers, transmitter, fanOuts, outputs);
            } finally {
                transmitter.close();
                fanOuts.forEach(UdpFanOut::close);
            }
        }
    }

    private FanoutFigures measure(StreamCodec codec, int nodes, int zones, ChildProcess receivers,
            Transmitter transmitter, List<UdpFanOut> fanOuts, List<TimedOutput> outputs) throws InterruptedException {
        receivers.ask("measure");
        outputs.forEach(TimedOutput::startWindow);
        long sent0 = outputs.stream().mapToLong(TimedOutput::rtpDatagrams).sum();
        long failed0 = fanOuts.stream().mapToLong(UdpFanOut::sendFailures).sum();
        UdpCounters udp0 = UdpCounters.now();
        double cpu0 = CpuTime.self();
        double receiverCpu0 = CpuTime.seconds(receivers.pid());
        long t0 = System.nanoTime();
        Thread.sleep(window.toMillis());
        LatencyHistogram sendError = new LatencyHistogram();
        outputs.forEach(o -> sendError.addAll(o.stopWindow()));
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = CpuTime.self() - cpu0;
        double receiverCpu = CpuTime.seconds(receivers.pid()) - receiverCpu0;
        long windowSent = outputs.stream().mapToLong(TimedOutput::rtpDatagrams).sum() - sent0;
        long failed = fanOuts.stream().mapToLong(UdpFanOut::sendFailures).sum() - failed0;
        String lateness = receivers.ask("report");
        // Loss is counted over the whole run once the stream has stopped and the nodes have read everything.
        transmitter.close();
        long sent = outputs.stream().mapToLong(TimedOutput::rtpDatagrams).sum();
        ReceiverReport settled = settle(receivers);
        UdpCounters udp = UdpCounters.now().since(udp0);
        ReceiverReport window = ReceiverReport.parse(lateness);
        return new FanoutFigures(codec.name(), nodes, zones, seconds, windowSent / seconds, sent, settled.total(),
                settled.gaps(), settled.windowGaps(), settled.silent(), udp.dropped(), failed, sendError.percentileMs(0.50),
                sendError.percentileMs(0.99), sendError.maxMs(), window.p50(), window.p99(), 100 * cpu / seconds,
                100 * receiverCpu / seconds);
    }

    /** Asks the receivers until their count stops growing: a node process that fell behind is still reading. */
    private static ReceiverReport settle(ChildProcess receivers) throws InterruptedException {
        ReceiverReport last = ReceiverReport.parse(receivers.ask("report"));
        for (int i = 0; i < 100; i++) {
            Thread.sleep(300);
            ReceiverReport now = ReceiverReport.parse(receivers.ask("report"));
            if (now.total() == last.total()) {
                return now;
            }
            last = now;
        }
        return last;
    }

    /** The node process's first RTP port and its number of ports, from its {@code port P sockets K} line. */
    private static int[] ports(String line) {
        String[] words = line.trim().split(" ");
        if (words.length != 4 || !words[0].equals("port") || !words[2].equals("sockets")) {
            throw new IllegalStateException("the receivers did not start: " + line);
        }
        return new int[] {Integer.parseInt(words[1]), Integer.parseInt(words[3])};
    }
}
