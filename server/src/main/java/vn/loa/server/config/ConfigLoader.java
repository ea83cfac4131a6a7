package vn.loa.server.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Reads {@link LoaConfig} from the bundled defaults, an optional {@code loa.conf} and the environment.
 *
 * <p>Every key of the defaults file may be overridden by {@code LOA_} + the key in upper case with dots as
 * underscores ({@code http.port} → {@code LOA_HTTP_PORT}). A bad value stops start-up with a message naming the key.
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    /** Loads the configuration the way {@code ./loa server} does. */
    public static LoaConfig load(Map<String, String> env) {
        Properties props = defaults();
        Path file = Path.of(env.getOrDefault("LOA_CONFIG", "loa.conf"));
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(in);
            } catch (IOException e) {
                throw new ConfigException("cannot read " + file + ": " + e.getMessage());
            }
        }
        for (String key : props.stringPropertyNames()) {
            String value = env.get(envName(key));
            if (value != null) {
                props.setProperty(key, value);
            }
        }
        return from(props);
    }

    /** The bundled defaults, each key documented in the file itself. */
    public static Properties defaults() {
        Properties props = new Properties();
        try (InputStream in = ConfigLoader.class.getResourceAsStream("/loa-defaults.properties")) {
            props.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("loa-defaults.properties is missing from the class path", e);
        }
        return props;
    }

    /** Builds a configuration from complete properties (defaults plus overrides). */
    public static LoaConfig from(Properties p) {
        Path dataDir = Path.of(text(p, "data.dir")).toAbsolutePath().normalize();
        String dbUrl = p.getProperty("db.url", "").trim();
        if (dbUrl.isEmpty()) {
            // WRITE_DELAY=0: H2 otherwise writes commits up to a second later, and a killed server (or a power cut)
            // would lose an announcement, a schedule or a firing it had already confirmed.
            dbUrl = "jdbc:h2:file:" + dataDir.resolve("loa") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        } else if (!dbUrl.startsWith("jdbc:h2:") && !dbUrl.startsWith("jdbc:postgresql:")) {
            throw new ConfigException("db.url (LOA_DB_URL) must be a jdbc:h2: or jdbc:postgresql: URL, got " + dbUrl);
        }
        ClusterSettings cluster = ClusterSettings.from(p, dbUrl.startsWith("jdbc:postgresql:"));
        return new LoaConfig(
                text(p, "http.host"),
                integer(p, "http.port", 0, 65535),
                dataDir,
                dbUrl,
                p.getProperty("db.user", ""),
                p.getProperty("db.password", ""),
                integer(p, "db.pool.size", 1, 200),
                p.getProperty("admin.password", ""),
                text(p, "root.zone.name"),
                integer(p, "http.body.limit", 1024, Integer.MAX_VALUE),
                Duration.ofSeconds(integer(p, "auth.token.ttl", 60, 30 * 24 * 3600)),
                integer(p, "auth.login.user.limit", 1, 1000),
                integer(p, "auth.login.address.limit", 1, 100000),
                Duration.ofSeconds(integer(p, "auth.login.window", 1, 24 * 3600)),
                RtpSettings.from(p),
                speech(p, dataDir),
                // A cluster fires each programme item on one member: Quartz clustered, whatever schedule.clustered says.
                ProgrammeSettings.from(p).clusteredIf(cluster.enabled()),
                HotlineConfig.from(p),
                SecuritySettings.from(p),
                AuditSettings.from(p, dataDir),
                BackupSettings.from(p, dataDir),
                cluster,
                LinkSettings.from(p),
                ListenSettings.from(p));
    }

    private static SpeechSettings speech(Properties p, Path dataDir) {
        String engine = p.getProperty("tts.engine", "espeak").trim().toLowerCase(Locale.ROOT);
        if (!SpeechSettings.ENGINES.contains(engine)) {
            throw new ConfigException("tts.engine (LOA_TTS_ENGINE) must be one of " + new java.util.TreeSet<>(
                    SpeechSettings.ENGINES) + ", got '" + engine + "'");
        }
        String piperVoices = p.getProperty("tts.piper.voices", "").trim();
        String cloud = p.getProperty("tts.cloud", "").trim().toLowerCase(Locale.ROOT);
        if (!cloud.isEmpty() && !SpeechSettings.CLOUDS.contains(cloud)) {
            throw new ConfigException("tts.cloud (LOA_TTS_CLOUD) must be empty or one of " + SpeechSettings.CLOUDS
                    + ", got '" + cloud + "'");
        }
        java.util.List<String> voices = java.util.Arrays.stream(p.getProperty("tts.cloud.voices", "").split(","))
                .map(String::trim).filter(v -> !v.isEmpty()).toList();
        java.net.URI url = null;
        if (!cloud.isEmpty()) {
            try {
                url = java.net.URI.create(text(p, "tts.cloud.url"));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("tts.cloud.url (LOA_TTS_CLOUD_URL) is not a URL: " + e.getMessage());
            }
            if (voices.isEmpty()) {
                throw new ConfigException("tts.cloud.voices (LOA_TTS_CLOUD_VOICES) must name the service's voices");
            }
        }
        return new SpeechSettings(text(p, "tts.voice"), cloud.isEmpty() ? null : cloud, url,
                p.getProperty("tts.cloud.key", ""), voices,
                Duration.ofSeconds(integer(p, "tts.cloud.timeout", 1, 120)), engine,
                piperVoices.isEmpty() ? dataDir.resolve("voices") : Path.of(piperVoices).toAbsolutePath().normalize());
    }

    static String envName(String key) {
        return "LOA_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    private static String text(Properties p, String key) {
        String value = p.getProperty(key, "").trim();
        if (value.isEmpty()) {
            throw new ConfigException(key + " (" + envName(key) + ") must not be empty");
        }
        return value;
    }

    static int integer(Properties p, String key, int min, int max) {
        String value = text(p, key);
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new ConfigException(key + " (" + envName(key) + ") must be between " + min + " and " + max
                        + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " (" + envName(key) + ") must be a whole number, got '" + value + "'");
        }
    }
}
