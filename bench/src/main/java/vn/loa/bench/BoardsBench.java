package vn.loa.bench;

import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import vn.loa.core.model.BoardKind;
import vn.loa.display.BoardProfile;
import vn.loa.display.BrightnessSchedule;
import vn.loa.display.Orientation;
import vn.loa.display.ddp.DdpDriver;
import vn.loa.display.ddp.DdpPacket;
import vn.loa.display.ddp.LedFrame;
import vn.loa.display.render.Marquee;
import vn.loa.display.render.SlideRenderer;
import vn.loa.display.render.TextSlide;

/**
 * {@code ./loa bench boards}: rendering a 1920×1080 Vietnamese slide and a 256×128 LED frame (medians and p99 of
 * fresh renders), a four-region 1920×1080 layout frame (header, main and side playlists, ticker) and a 128×64 LED layout
 * frame (clock over content) composed from fresh renders, and DDP to 100 LED boards at 30 frames/s from the driver's
 * lanes, each board scrolling (a new frame every tick, the worst case), counted by UDP receivers on loopback.
 */
final class BoardsBench {

    static final String TITLE = "Thông báo của Ủy ban nhân dân xã về lịch tiêm chủng mở rộng";
    static final String BODY = "Trạm y tế xã tổ chức tiêm vắc-xin sởi, rubella cho trẻ từ 9 tháng đến 5 tuổi vào sáng "
            + "thứ Bảy ngày 5 tháng 12 tại nhà văn hóa thôn Đông. Đề nghị phụ huynh mang theo sổ tiêm chủng, "
            + "đưa trẻ đến đúng giờ và thực hiện khai báo y tế. Mọi thắc mắc xin liên hệ cán bộ y tế thôn.";
    static final int BOARDS = 100;
    static final int FPS = 30;
    static final int SECONDS = 15;
    /** Sending threads, as the server uses: one per core. */
    static final int LANES = Runtime.getRuntime().availableProcessors();

    void run(Path out) throws Exception {
        JsonObject machine = Machine.describe().put("loadAverageAtStart", Machine.loadAverage());
        BoardProfile tv = profile(1920, 1080);
        BoardProfile led = profile(256, 128);
        SlideRenderer renderer = new SlideRenderer();
        JsonObject slide = timed(200, 20, () -> renderer.render(tv, new TextSlide(TITLE, BODY), 0));
        BufferedImage one = renderer.render(tv, new TextSlide(TITLE, BODY), 0);
        JsonObject png = timed(50, 5, () -> {
            try {
                ImageIO.write(one, "png", java.io.OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return one;
        });
        JsonObject ledSlide = timed(500, 50, () -> renderer.render(led, new TextSlide("Chào mừng", "Quốc khánh 2/9"), 0));
        Marquee marquee = Marquee.of(led, BODY);
        long[] step = {0};
        JsonObject ledFrame = timed(2000, 200, () -> {
            BufferedImage f = marquee.frame(step[0]++);
            LedFrame.rgb(f, led, 100);
            return f;
        });
        JsonObject fourRegions = layoutFrame(tv, "header-main-gallery-ticker", 100, 10);
        JsonObject ledLayout = layoutFrame(profile(128, 64), "led-clock-main", 500, 50);
        System.out.printf("four-region layout 1920x1080: median %.2f ms p99 %.2f ms; LED layout 128x64: median %.3f ms%n",
                fourRegions.getDouble("medianMs"), fourRegions.getDouble("p99Ms"), ledLayout.getDouble("medianMs"));
        System.out.printf("slide 1920x1080: median %.2f ms p99 %.2f ms (PNG encode %.2f ms); LED 256x128 slide "
                + "%.3f ms, marquee frame + RGB %.3f ms%n", slide.getDouble("medianMs"), slide.getDouble("p99Ms"),
                png.getDouble("medianMs"), ledSlide.getDouble("medianMs"), ledFrame.getDouble("medianMs"));
        JsonObject ddp = ddp(led);
        JsonObject result = new JsonObject()
                .put("benchmark", "board rendering (fresh renders, no cache) and DDP to " + BOARDS + " LED boards")
                .put("machine", machine.put("loadAverageAtEnd", Machine.loadAverage()))
                .put("slide1920x1080", slide.put("targetMs", 20))
                .put("slidePngEncode1920x1080", png)
                .put("ledSlide256x128", ledSlide)
                .put("ledMarqueeFrame256x128WithRgb", ledFrame)
                .put("layoutFourRegions1920x1080", fourRegions)
                .put("ledLayoutFrame128x64", ledLayout)
                .put("ddp", ddp);
        Files.createDirectories(out.getParent());
        Files.writeString(out, result.encodePrettily() + "\n", StandardCharsets.UTF_8);
        System.out.println("wrote " + out);
    }

    private JsonObject ddp(BoardProfile led) throws Exception {
        List<Receiver> receivers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            receivers.add(new Receiver());
        }
        var threads = ManagementFactory.getThreadMXBean();
        try (DdpDriver driver = new DdpDriver(FPS, LANES)) {
            for (int b = 0; b < BOARDS; b++) {
                Marquee m = Marquee.of(led, "Bảng " + b + ": " + BODY);
                driver.show("led-" + b, receivers.get(b % receivers.size()).address(),
                        n -> LedFrame.rgb(m.frame(n * 2), led, 100));
            }
            Thread.sleep(3000); // warm-up
            long cpu0 = ddpThreadCpu(threads);
            DdpDriver.Stats s0 = driver.stats();
            long received0 = receivers.stream().mapToLong(r -> r.frames.get()).sum();
            long t0 = System.nanoTime();
            Thread.sleep(SECONDS * 1000L);
            double seconds = (System.nanoTime() - t0) / 1e9;
            DdpDriver.Stats s1 = driver.stats();
            long received = receivers.stream().mapToLong(r -> r.frames.get()).sum() - received0;
            double cpu = (ddpThreadCpu(threads) - cpu0) / 1e9 / seconds * 100;
            double sentFps = (s1.frames() - s0.frames()) / seconds / BOARDS;
            System.out.printf("DDP %d boards: %.1f frames/s each sent (target %d), %.0f packets/s, "
                    + "%.1f %% of a core in %d lanes, %d late ticks, %.1f %% of frames received%n", BOARDS, sentFps, FPS,
                    (s1.packets() - s0.packets()) / seconds, cpu, LANES, s1.lateTicks() - s0.lateTicks(),
                    100.0 * received / Math.max(1, s1.frames() - s0.frames()));
            return new JsonObject().put("boards", BOARDS).put("panel", "256x128 RGB, 69 packets a frame")
                    .put("targetFps", FPS).put("seconds", round(seconds))
                    .put("sentFramesPerSecondPerBoard", round(sentFps))
                    .put("packetsPerSecond", Math.round((s1.packets() - s0.packets()) / seconds))
                    .put("lanes", LANES).put("driverThreadsCpuPercentOfCore", round(cpu))
                    .put("lateTicks", s1.lateTicks() - s0.lateTicks())
                    .put("receivedFramesPercent", round(100.0 * received / Math.max(1, s1.frames() - s0.frames())))
                    .put("errors", s1.errors() - s0.errors());
        } finally {
            for (Receiver r : receivers) {
                r.close();
            }
        }
    }

    /**
     * A layout's frame drawn afresh: each playlist region's slide at its size (a side region gets a short page), then
     * the composition with the header, clock, date and ticker; frames/s is one core's, from the median.
     */
    private static JsonObject layoutFrame(BoardProfile board, String name, int rounds, int warmUp) {
        vn.loa.display.layout.Layout layout = vn.loa.display.layout.Layouts.named(name);
        SlideRenderer slides = new SlideRenderer();
        vn.loa.display.render.LayoutRenderer composer = new vn.loa.display.render.LayoutRenderer();
        var content = new vn.loa.display.render.LayoutRenderer.Content("UBND xã Đông Hòa",
                java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")), List.of(TITLE));
        JsonObject timed = timed(rounds, warmUp, () -> {
            BufferedImage main = slides.render(layout.playlistProfile(board), new TextSlide(TITLE, BODY), 0);
            java.util.Map<String, BufferedImage> sides = new java.util.HashMap<>();
            for (vn.loa.display.layout.Region r : layout.sidePlaylists()) {
                sides.put(r.name(), slides.render(layout.profileOf(r, board), new TextSlide("Chợ phiên", "Chủ nhật"), 0));
            }
            return composer.render(board, layout, main, sides, content);
        });
        return timed.put("layout", name).put("regions", layout.regions().size())
                .put("framesPerSecondOneCore", round(1000 / timed.getDouble("medianMs")));
    }

    private static long ddpThreadCpu(java.lang.management.ThreadMXBean threads) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("loa-ddp-"))
                .mapToLong(t -> threads.getThreadCpuTime(t.getId())).sum();
    }

    /** A loopback controller that counts the frames it completes (packets with the push flag). */
    private static final class Receiver implements AutoCloseable {
        final DatagramChannel channel;
        final AtomicLong frames = new AtomicLong();

        Receiver() throws IOException {
            channel = DatagramChannel.open();
            channel.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 8 * 1024 * 1024);
            channel.bind(new InetSocketAddress("127.0.0.1", 0));
            Thread t = new Thread(() -> {
                ByteBuffer in = ByteBuffer.allocateDirect(2048);
                while (channel.isOpen()) {
                    try {
                        in.clear();
                        channel.receive(in);
                        if ((in.get(0) & DdpPacket.FLAG_PUSH) != 0) {
                            frames.incrementAndGet();
                        }
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "ddp-bench-receiver");
            t.setDaemon(true);
            t.start();
        }

        InetSocketAddress address() throws IOException {
            return (InetSocketAddress) channel.getLocalAddress();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    private static BoardProfile profile(int w, int h) {
        return new BoardProfile("bench", w >= 1000 ? BoardKind.LCD : BoardKind.LED, w, h, Orientation.LANDSCAPE, 8,
                BrightnessSchedule.FULL, null);
    }

    private static JsonObject timed(int rounds, int warmUp, java.util.function.Supplier<Object> work) {
        for (int i = 0; i < warmUp; i++) {
            work.get();
        }
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return new JsonObject().put("rounds", rounds).put("medianMs", round(ms[rounds / 2]))
                .put("p99Ms", round(ms[(int) Math.min(rounds - 1, Math.ceil(rounds * 0.99) - 1)]));
    }
    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
