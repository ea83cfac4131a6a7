package vn.loa.server.plugin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.loa.plugin.AiredNotice;
import vn.loa.plugin.Alert;
import vn.loa.plugin.AlertSink;
import vn.loa.plugin.AlertTrigger;
import vn.loa.plugin.ContentItem;
import vn.loa.plugin.ContentSource;
import vn.loa.plugin.OutboundChannel;
import vn.loa.plugin.Plugin;
import vn.loa.plugin.PluginContext;
import vn.loa.plugin.PluginRequest;
import vn.loa.plugin.PluginResponse;
import vn.loa.plugin.PluginRoutes;
import vn.loa.plugin.Settings;

/**
 * A test plugin that misbehaves on purpose, as its setting {@code mode} says: {@code throw} (every call throws),
 * {@code hang} (every call blocks and ignores interrupts until {@link #release}), or {@code flood} (hundreds of items
 * per poll, a thousand alerts at once into {@code zone}).
 */
public final class UnrulyPlugin implements Plugin, ContentSource, AlertTrigger, OutboundChannel, PluginRoutes {

    private static volatile boolean released;

    private volatile Settings settings = Settings.EMPTY;
    private volatile Thread flooder;

    /** Lets hanging calls return (at the end of a test). */
    public static void release() {
        released = true;
    }

    @Override
    public String name() {
        return "unruly";
    }

    @Override
    public String description() {
        return "Plugin thử nghiệm cố tình gây lỗi.";
    }

    @Override
    public void start(PluginContext context) {
        settings = context.settings();
        released = false;
    }

    @Override
    public Optional<ContentSource> contentSource() {
        return Optional.of(this);
    }

    @Override
    public Optional<AlertTrigger> alertTrigger() {
        return Optional.of(this);
    }

    @Override
    public Optional<OutboundChannel> outboundChannel() {
        return Optional.of(this);
    }

    @Override
    public Optional<PluginRoutes> routes() {
        return Optional.of(this);
    }

    @Override
    public Duration interval() {
        return Duration.ofMillis(200);
    }

    private void misbehave() {
        switch (settings.text("mode", "")) {
            case "throw" -> throw new IllegalStateException("lỗi cố ý");
            case "hang" -> {
                while (!released) {
                    try {
                        Thread.sleep(50); // deliberate: this is the hang the host must survive
                    } catch (InterruptedException ignored) {
                        // A badly written plugin swallows the interrupt and goes on waiting.
                    }
                }
            }
            default -> { }
        }
    }

    @Override
    public List<ContentItem> poll() {
        misbehave();
        List<ContentItem> items = new ArrayList<>();
        if (settings.text("mode", "").equals("flood")) {
            for (int i = 0; i < 500; i++) {
                items.add(new ContentItem("tin-" + i, "Tin " + i, "Nội dung " + i, null, null,
                        List.of(settings.text("zone", "khong-co"))));
            }
        }
        return items;
    }

    @Override
    public void arm(AlertSink sink) {
        if (settings.text("mode", "").equals("flood")) {
            flooder = new Thread(() -> {
                for (int i = 0; i < 1000; i++) {
                    sink.raise(new Alert("canh-bao-" + i, Alert.Level.EMERGENCY, "Cảnh báo " + i, "Cảnh báo giả.",
                            List.of(settings.text("zone", "khong-co"))));
                }
            }, "unruly-flooder");
            flooder.start();
        }
    }

    @Override
    public void deliver(AiredNotice notice) {
        misbehave();
    }

    @Override
    public PluginResponse handle(PluginRequest request) {
        misbehave();
        return PluginResponse.json(200, "{}");
    }
}
