package vn.loa.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MalformedAddressTest {

    @Test
    void addressesThatDecodePass() {
        assertThat(MalformedAddress.decodes("/api/v1/announcements?q=th%C3%B4n%20A&page=2")).isTrue();
        assertThat(MalformedAddress.decodes("/nghe/xa-a?q=100%25")).isTrue();
        assertThat(MalformedAddress.decodes("/")).isTrue();
    }

    @Test
    void aBrokenPercentEscapeInTheQueryOrThePathIsCaught() {
        assertThat(MalformedAddress.decodes("/api/v1/announcements?q=%ZZ")).isFalse();
        assertThat(MalformedAddress.decodes("/api/v1/announcements?q=50%")).isFalse();
        assertThat(MalformedAddress.decodes("/api/v1/zones/%ZZ")).isFalse();
        assertThat(MalformedAddress.decodes("/nghe/x?%G1=1")).isFalse();
    }
}
