package vn.loa.node.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerAddressTest {

    @Test
    void anHttpServerUrlBecomesAPlainWebSocketToTheControlPath() {
        assertThat(ServerAddress.parse("http://192.168.1.10:8080"))
                .isEqualTo(new ServerAddress("192.168.1.10", 8080, false, "/api/v1/nodes/control"));
    }

    @Test
    void httpsMeansTlsOnPort443UnlessTold() {
        assertThat(ServerAddress.parse("https://loa.quangtri.gov.vn/"))
                .isEqualTo(new ServerAddress("loa.quangtri.gov.vn", 443, true, "/api/v1/nodes/control"));
        assertThat(ServerAddress.parse("wss://loa.example:9443").tls()).isTrue();
    }

    @Test
    void keepsAReverseProxysPathPrefix() {
        assertThat(ServerAddress.parse("https://tinh.example/xa-hai-lang/").path())
                .isEqualTo("/xa-hai-lang/api/v1/nodes/control");
    }

    @Test
    void acceptsAnIpv6Literal() {
        ServerAddress address = ServerAddress.parse("http://[::1]:8080");
        assertThat(address.host()).isEqualTo("::1");
        assertThat(address).hasToString("ws://[::1]:8080/api/v1/nodes/control");
    }

    @Test
    void rejectsOtherSchemesAndMissingHosts() {
        assertThatThrownBy(() -> ServerAddress.parse("ftp://loa")).hasMessageContaining("http://");
        assertThatThrownBy(() -> ServerAddress.parse("192.168.1.10:8080")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerAddress.parse("http://")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void prefetchedFilesComeFromTheSameServerBehindTheSamePrefix() {
        assertThat(ServerAddress.parse("https://tinh.example/xa-hai-lang/").http("/api/v1/nodes/prefetch/7.wav"))
                .hasToString("https://tinh.example:443/xa-hai-lang/api/v1/nodes/prefetch/7.wav");
        assertThat(ServerAddress.parse("ws://[::1]:8080").http("/api/v1/x"))
                .hasToString("http://[::1]:8080/api/v1/x");
    }
}
