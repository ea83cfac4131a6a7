package vn.loa.plugins.iotalerts;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import vn.loa.plugin.Alert;
import vn.loa.plugin.AlertSink;
import vn.loa.plugin.AlertTrigger;
import vn.loa.plugin.InvalidSettingsException;
import vn.loa.plugin.Plugin;
import vn.loa.plugin.PluginContext;
import vn.loa.plugin.PluginRequest;
import vn.loa.plugin.PluginResponse;
import vn.loa.plugin.PluginRoutes;
import vn.loa.plugin.Settings;

/**
 * Subscribes to sensors' MQTT topics and raises an alert when a reading trips one of the admin's rules, once per event
 * (see {@link Rule} for the hysteresis). {@code GET /api/v1/plugins/iot-alerts/rules} shows each rule's state.
 *
 * <p>Threading: readings arrive on the MQTT client's thread; {@link RuleBook} is synchronized; a lost broker is
 * reported with {@link PluginContext#degraded} and reconnected by the client (or, before the first connection, by a
 * retry thread of the plugin's own).
 */
public final class IotAlerts implements Plugin, AlertTrigger, PluginRoutes {

    private static final long WAIT_MS = 5000;

    private volatile PluginContext context;
    private volatile IotSettings settings;
    private volatile RuleBook book;
    private volatile TrippedRules tripped;
    private volatile AlertSink sink;
    private volatile MqttAsyncClient client;
    private volatile ScheduledExecutorService retry;

    @Override
    public String name() {
        return "iot-alerts";
    }

    @Override
    public String description() {
        return "Cảnh báo từ cảm biến IoT qua MQTT (mực nước, lượng mưa, độ mặn, khói): quy tắc có ngưỡng và khoảng trễ, "
                + "mỗi sự kiện một cảnh báo.";
    }

    @Override
    public Settings defaults() {
        return Settings.EMPTY.with("broker", "tcp://127.0.0.1:1883").with("rules", List.of());
    }

    /** The broker password is a secret (write-only: Loa encrypts it and never shows it). */
    @Override
    public String settingsSchema() {
        return "{\"type\":\"object\",\"properties\":{\"password\":{\"type\":\"string\",\"writeOnly\":true}}}";
    }

    @Override
    public Settings validate(Settings proposed) throws InvalidSettingsException {
        IotSettings.read(proposed);
        return proposed;
    }

    @Override
    public void start(PluginContext context) throws Exception {
        this.context = context;
        this.settings = IotSettings.read(context.settings());
        this.tripped = new TrippedRules(context.dataDir());
        this.book = new RuleBook(settings.rules(), tripped.load());
        this.client = new MqttAsyncClient(settings.broker(), clientId(context), new MemoryPersistence());
        client.setCallback(new Callback());
        try {
            client.connect(options()).waitForCompletion(WAIT_MS);
            subscribe().waitForCompletion(WAIT_MS);
        } catch (MqttException e) {
            context.degraded("không kết nối được MQTT broker " + settings.broker() + ": " + e.getMessage());
            retry = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "iot-alerts-retry");
                t.setDaemon(true);
                return t;
            });
            retry.scheduleWithFixedDelay(this::connectAgain, 5, 5, TimeUnit.SECONDS);
        }
    }

    /**
     * The MQTT client id: the admin's, or one per unit, so that a province's and a commune's instances on one broker
     * do not take each other's session.
     */
    private String clientId(PluginContext context) {
        if (context.settings().has("clientId") || context.unit() == null) {
            return settings.clientId();
        }
        return settings.clientId() + "-" + context.unit().id();
    }

    private MqttConnectOptions options() {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setAutomaticReconnect(true);
        o.setCleanSession(true);
        o.setConnectionTimeout(5);
        if (!settings.username().isEmpty()) {
            o.setUserName(settings.username());
            o.setPassword(settings.password().toCharArray());
        }
        return o;
    }

    private org.eclipse.paho.client.mqttv3.IMqttToken subscribe() throws MqttException {
        List<String> topics = settings.rules().stream().map(Rule::topic).distinct().toList();
        int[] qos = new int[topics.size()];
        java.util.Arrays.fill(qos, 1);
        return client.subscribe(topics.toArray(String[]::new), qos);
    }

    private void connectAgain() {
        try {
            if (!client.isConnected()) {
                client.connect(options()).waitForCompletion(WAIT_MS);
                subscribe().waitForCompletion(WAIT_MS);
            }
            context.recovered();
            retry.shutdown();
        } catch (MqttException e) {
            context.degraded("không kết nối được MQTT broker " + settings.broker() + ": " + e.getMessage());
        }
    }

    /** The MQTT client's events. */
    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (reconnect) {
                try {
                    subscribe();
                    context.recovered();
                } catch (MqttException e) {
                    context.degraded("không đăng ký được chủ đề MQTT: " + e.getMessage());
                }
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            context.degraded("mất kết nối MQTT broker " + settings.broker() + ", đang kết nối lại");
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            Map<String, java.time.Instant> before = book.tripped();
            List<Alert> alerts = book.reading(topic, new String(message.getPayload(), StandardCharsets.UTF_8),
                    context.clock().instant());
            Map<String, java.time.Instant> after = book.tripped();
            if (!after.equals(before)) {
                tripped.save(after);
            }
            AlertSink target = sink;
            if (target != null) {
                alerts.forEach(target::raise);
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
        }
    }

    @Override
    public void arm(AlertSink sink) {
        this.sink = sink;
    }

    @Override
    public void disarm() {
        this.sink = null;
    }

    @Override
    public void stop() throws MqttException {
        if (retry != null) {
            retry.shutdownNow();
        }
        MqttAsyncClient c = client;
        if (c != null) {
            try {
                if (c.isConnected()) {
                    c.disconnect(1000).waitForCompletion(2000);
                }
            } finally {
                c.close(true);
            }
        }
    }

    @Override
    public Optional<AlertTrigger> alertTrigger() {
        return Optional.of(this);
    }

    @Override
    public Optional<PluginRoutes> routes() {
        return Optional.of(this);
    }

    @Override
    public PluginResponse handle(PluginRequest request) {
        if (!request.method().equals("GET") || !request.path().equals("/rules")) {
            return PluginResponse.error(404, "not_found", "iot-alerts chỉ có GET /rules.");
        }
        StringBuilder json = new StringBuilder("{\"connected\":").append(client != null && client.isConnected())
                .append(",\"rules\":[");
        for (RuleBook.State s : book.states()) {
            json.append(json.charAt(json.length() - 1) == '[' ? "" : ",")
                    .append("{\"id\":").append(PluginResponse.quote(s.rule().id()))
                    .append(",\"topic\":").append(PluginResponse.quote(s.rule().topic()))
                    .append(",\"kind\":").append(PluginResponse.quote(s.rule().kind().wireName()))
                    .append(",\"state\":").append(s.trippedAt() == null ? "\"armed\"" : "\"tripped\"")
                    .append(",\"lastValue\":").append(s.lastValue())
                    .append(",\"trippedAt\":").append(PluginResponse.quote(
                            s.trippedAt() == null ? null : s.trippedAt().toString()))
                    .append('}');
        }
        return PluginResponse.json(200, json.append("]}").toString());
    }
}
