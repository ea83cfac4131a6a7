package vn.loa.server.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.server.refusal.Refusal;

class CapFeedReaderTest {

    private static final URI FEED = URI.create("https://kttv.example.vn/cap/feed.atom");

    private static List<CapFeedReader.Entry> read(String xml) {
        return CapFeedReader.read(xml.getBytes(StandardCharsets.UTF_8), FEED);
    }

    @Test
    void atomEntriesGiveTheirCapLinkResolvedAgainstTheFeedOldestFirst() {
        List<CapFeedReader.Entry> entries = read("""
                <feed xmlns="http://www.w3.org/2005/Atom"><id>f</id>
                <entry><id>urn:2</id><link rel="alternate" type="text/html" href="/html/2"/>
                  <link rel="alternate" type="application/cap+xml" href="2.xml"/></entry>
                <entry><id>urn:1</id><link href="https://other.example.vn/1.cap"/></entry>
                <entry><id>urn:0</id><link type="text/html" href="/no-cap"/></entry>
                </feed>""");

        assertThat(entries).extracting(CapFeedReader.Entry::id).containsExactly("urn:1", "urn:2");
        assertThat(entries).extracting(CapFeedReader.Entry::capUrl).containsExactly(
                URI.create("https://other.example.vn/1.cap"), URI.create("https://kttv.example.vn/cap/2.xml"));
    }

    @Test
    void anAtomEntryMayCarryItsCapMessageInline() {
        List<CapFeedReader.Entry> entries = read("""
                <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>urn:9</id><content type="application/cap+xml">
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>X-9</identifier></alert>
                </content></entry></feed>""");

        assertThat(new String(entries.get(0).inline(), StandardCharsets.UTF_8)).contains("<identifier>X-9</identifier>")
                .contains("urn:oasis:names:tc:emergency:cap:1.2");
    }

    @Test
    void rssItemsGiveTheirLinkAndGuid() {
        List<CapFeedReader.Entry> entries = read("""
                <rss version="2.0"><channel><title>t</title>
                <item><guid>g-1</guid><link>https://kttv.example.vn/cap/1.xml</link></item>
                <item><link>javascript:alert(1)</link></item>
                </channel></rss>""");

        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("g-1");
            assertThat(e.capUrl()).isEqualTo(URI.create("https://kttv.example.vn/cap/1.xml"));
        });
    }

    @Test
    void hostileOrForeignXmlIsRefused() {
        assertThatThrownBy(() -> read("""
                <?xml version="1.0"?><!DOCTYPE feed [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>
                <feed xmlns="http://www.w3.org/2005/Atom"><id>&x;</id></feed>"""))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("dtd_forbidden"));
        assertThatThrownBy(() -> read("<html><body/></html>"))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("not_a_feed"));
        assertThatThrownBy(() -> read("<feed"))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("malformed_xml"));
    }

    @Test
    void failuresDoubleTheWaitUpToAnHour() {
        Duration minute = Duration.ofMinutes(1);
        assertThat(AlertFeedPoller.backoff(minute, 1)).isEqualTo(Duration.ofMinutes(2));
        assertThat(AlertFeedPoller.backoff(minute, 3)).isEqualTo(Duration.ofMinutes(8));
        assertThat(AlertFeedPoller.backoff(minute, 40)).isEqualTo(Duration.ofHours(1));
        assertThat(AlertFeedPoller.backoff(Duration.ofHours(2), 1)).isEqualTo(Duration.ofHours(1));
    }
}
