package vn.loa.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterSettingsTest {

    private static final String POSTGRES = "jdbc:postgresql://db/loa";

    @Test
    void aServerIsAloneUnlessToldOtherwise() {
        LoaConfig config = ConfigLoader.load(Map.of("LOA_CONFIG", "/x"));

        assertThat(config.cluster().enabled()).isFalse();
        assertThat(config.programmes().clustered()).isFalse();
    }

    @Test
    void aMemberOnPostgresqlJoinsItsListedMembersWithTheProgrammeClockClustered() {
        LoaConfig config = ConfigLoader.load(cluster(Map.of("LOA_CLUSTER_MEMBERS", " 10.0.0.1:5701, 10.0.0.2:5701 ",
                "LOA_CLUSTER_HOST", "10.0.0.1", "LOA_CLUSTER_PORT", "5701")));

        assertThat(config.cluster().enabled()).isTrue();
        assertThat(config.cluster().members()).containsExactly("10.0.0.1:5701", "10.0.0.2:5701");
        assertThat(config.cluster().host()).isEqualTo("10.0.0.1");
        assertThat(config.programmes().clustered()).as("Quartz clustered").isTrue();
    }

    @Test
    void aClusterOnTheEmbeddedDatabaseIsRefusedSayingWhy() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("LOA_CONFIG", "/x", "LOA_CLUSTER", "true",
                "LOA_CLUSTER_MEMBERS", "10.0.0.1:5701")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PostgreSQL").hasMessageContaining("H2");
    }

    @Test
    void badClusterValuesStopStartUpNamingTheKey() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("LOA_CONFIG", "/x", "LOA_CLUSTER", "yes")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("(LOA_CLUSTER)");
        assertThatThrownBy(() -> ConfigLoader.load(cluster(Map.of("LOA_CLUSTER_MEMBERS", ""))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("LOA_CLUSTER_MEMBERS");
        assertThatThrownBy(() -> ConfigLoader.load(cluster(Map.of("LOA_CLUSTER_MEMBERS", "10.0.0.1"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("LOA_CLUSTER_MEMBERS");
        assertThatThrownBy(() -> ConfigLoader.load(cluster(Map.of("LOA_CLUSTER_MEMBERS", "10.0.0.1:70000"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("LOA_CLUSTER_MEMBERS");
        assertThatThrownBy(() -> ConfigLoader.load(cluster(Map.of("LOA_CLUSTER_PORT", "0"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("LOA_CLUSTER_PORT");
        assertThatThrownBy(() -> ConfigLoader.load(cluster(Map.of("LOA_CLUSTER_HOST", "10.0.0.1:5701"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("LOA_CLUSTER_HOST");
    }

    @Test
    void playersBehindAProxyAreGivenTheConfiguredAddressesAsOrigins() {
        assertThat(ConfigLoader.load(cluster(Map.of())).cluster().publicUrls()).as("unset: the members' own").isEmpty();

        LoaConfig config = ConfigLoader.load(cluster(Map.of("LOA_CLUSTER_PUBLIC_URLS",
                " https://a.example/, https://b.example:8443,http://[2001:db8::2]:8080 ")));

        assertThat(config.cluster().publicUrls())
                .containsExactly("https://a.example", "https://b.example:8443", "http://[2001:db8::2]:8080");
    }

    @Test
    void aPublicAddressThatNoBrowserSendsAsItsOriginIsRefused() {
        for (String bad : new String[] {"a.example", "https://a.example/loa", "ftp://a.example", "https://a b"}) {
            assertThatThrownBy(() -> ConfigLoader.load(cluster(Map.of("LOA_CLUSTER_PUBLIC_URLS", bad))))
                    .as(bad).isInstanceOf(ConfigException.class).hasMessageContaining("LOA_CLUSTER_PUBLIC_URLS")
                    .hasMessageContaining("http(s)://host[:port]");
        }
    }

    private static Map<String, String> cluster(Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(Map.of("LOA_CONFIG", "/x", "LOA_DB_URL", POSTGRES, "LOA_CLUSTER", "true",
                "LOA_CLUSTER_MEMBERS", "10.0.0.1:5701"));
        env.putAll(settings);
        return env;
    }
}
