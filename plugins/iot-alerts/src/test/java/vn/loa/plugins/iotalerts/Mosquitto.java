package vn.loa.plugins.iotalerts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Debian's {@code mosquitto} broker, started for a test on a free port of 127.0.0.1 with a configuration in a temporary
 * folder, and a client that publishes readings to it as a sensor would (QoS 1, in order).
 */
public final class Mosquitto implements AutoCloseable {

    private final Process process;
    private final int port;
    private final MqttClient sensor;

    public Mosquitto() {
        try {
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Path dir = Files.createTempDirectory("loa-mosquitto-");
            Path conf = dir.resolve("mosquitto.conf");
            Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
            process = new ProcessBuilder("mosquitto", "-c", conf.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
            awaitPort();
            sensor = new MqttClient(url(), "sensor-" + port, new MemoryPersistence());
            sensor.connect();
        } catch (IOException e) {
            throw new UncheckedIOException("mosquitto must be installed (apt-get install mosquitto)", e);
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitPort() throws IOException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                if (System.currentTimeMillis() > deadline || !process.isAlive()) {
                    throw new IOException("mosquitto did not start on port " + port, e);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IOException(ie);
                }
            }
        }
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Publishes readings one after the other, as a sensor would; each waits for the broker's acknowledgement. */
    public void publish(String topic, String... payloads) throws MqttException {
        for (String p : payloads) {
            MqttMessage m = new MqttMessage(p.getBytes(StandardCharsets.UTF_8));
            m.setQos(1);
            sensor.publish(topic, m);
        }
    }

    @Override
    public void close() {
        try {
            sensor.disconnect();
            sensor.close();
        } catch (MqttException e) {
            // the broker goes away next anyway
        }
        process.destroy();
    }
}
