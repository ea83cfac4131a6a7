package vn.loa.server.display;

import vn.loa.display.screen.Screen;
import vn.loa.display.screen.ScreenRenderer;
import java.awt.image.BufferedImage;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import vn.loa.display.BoardProfile;
import vn.loa.display.ddp.DdpDriver;
import vn.loa.display.ddp.LedFrame;
import vn.loa.display.render.BannerRenderer;
import vn.loa.display.render.Marquee;

/**
 * Feeds the LED matrices that have a DDP address: each board's current screen, frame by frame, through one
 * {@link DdpDriver}. A matrix too small for paragraphs scrolls its text (or its banner) as a marquee.
 *
 * <p>Frame sources run on the driver's thread and read only the screen they were made from and the renderer's cache.
 */
public final class LedBoards implements AutoCloseable {

    private final DdpDriver driver;
    private final ScreenRenderer renderer;
    private final Clock clock;
    private final ZoneId zone;

    public LedBoards(int fps, BoardScreens screens, ScreenRenderer renderer, Clock clock, ZoneId zone) {
        // One lane per core: a 256×128 frame is 69 datagrams, and 100 boards at 30 frames/s outgrow one thread.
        this.driver = new DdpDriver(fps, Runtime.getRuntime().availableProcessors());
        this.renderer = renderer;
        this.clock = clock;
        this.zone = zone;
        screens.watch(this::changed);
    }

    public DdpDriver.Stats stats() {
        return driver.stats();
    }

    private void changed(Screen screen) {
        InetSocketAddress target = screen.profile().ddpTarget();
        if (target == null || screen.isRemoved()) {
            driver.remove(screen.board().id());
            return;
        }
        driver.show(screen.board().id(), target, source(screen));
    }

    private DdpDriver.FrameSource source(Screen screen) {
        BoardProfile profile = screen.profile();
        if (profile.wantsMarquee()) {
            Marquee marquee = screen.banner() != null ? new BannerRenderer().marquee(profile, screen.banner())
                    : Marquee.of(profile, marqueeText(screen));
            return n -> LedFrame.rgb(marquee.frame(n), profile, brightness(profile));
        }
        // A still entry is the same image tick after tick: convert it once per image and brightness.
        Object[] last = new Object[3];
        return n -> {
            BufferedImage frame = renderer.now(screen, clock.instant());
            int percent = brightness(profile);
            if (last[0] != frame || !Integer.valueOf(percent).equals(last[1])) {
                last[0] = frame;
                last[1] = percent;
                last[2] = LedFrame.rgb(frame, profile, percent);
            }
            return (byte[]) last[2];
        };
    }

    private static String marqueeText(Screen screen) {
        StringBuilder text = new StringBuilder();
        screen.entries().stream().filter(e -> e.page() == 0).forEach(e -> text.append(e.item().title()).append("  ")
                .append(e.item().body() == null ? "" : e.item().body()).append("     "));
        return text.length() == 0 ? screen.board().name() : text.toString().strip();
    }

    private int brightness(BoardProfile profile) {
        return profile.brightness().percentAt(LocalTime.now(clock.withZone(zone)));
    }

    @Override
    public void close() {
        driver.close();
    }
}
