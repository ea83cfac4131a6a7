package vn.loa.wire.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class SdpWriterTest {

    @Test
    void aMulticastPcmuZoneStreamCarriesItsTtlAndPacketTime() throws Exception {
        StreamDescription stream = new StreamDescription("Thôn Đông", 42, 1, InetAddress.getByName("192.0.2.10"),
                InetAddress.getByName("239.255.10.1"), 16, 5004, RtpMap.PCMU, 20);

        assertThat(SdpWriter.write(stream)).isEqualTo("""
                v=0\r
                o=- 42 1 IN IP4 192.0.2.10\r
                s=Thôn Đông\r
                c=IN IP4 239.255.10.1/16\r
                t=0 0\r
                a=tool:loa\r
                m=audio 5004 RTP/AVP 0\r
                a=rtpmap:0 PCMU/8000\r
                a=ptime:20\r
                a=recvonly\r
                """);
    }

    @Test
    void aUnicastPcmaStreamHasNoTtl() throws Exception {
        StreamDescription stream = new StreamDescription("Loa", 7, 3, InetAddress.getByName("192.0.2.10"),
                InetAddress.getByName("192.0.2.77"), 0, 5006, RtpMap.PCMA, 20);

        String sdp = SdpWriter.write(stream);

        assertThat(sdp).contains("c=IN IP4 192.0.2.77\r\n", "m=audio 5006 RTP/AVP 8\r\n", "a=rtpmap:8 PCMA/8000\r\n");
    }

    @Test
    void opusIsAnnouncedAsRfc7587RequiresWithMonoInTheFormatParameters() throws Exception {
        StreamDescription stream = new StreamDescription("Loa", 7, 3, InetAddress.getByName("192.0.2.10"),
                InetAddress.getByName("239.255.10.2"), 8, 5008, RtpMap.opus(111), 20);

        assertThat(SdpWriter.write(stream)).contains(
                "m=audio 5008 RTP/AVP 111\r\n",
                "a=rtpmap:111 opus/48000/2\r\n",
                "a=fmtp:111 sprop-stereo=0; stereo=0\r\n");
    }

    @Test
    void anIpv6MulticastGroupIsWrittenWithoutTtl() throws Exception {
        StreamDescription stream = new StreamDescription("Loa", 7, 3, InetAddress.getByName("2001:db8::1"),
                InetAddress.getByName("ff15::10"), 8, 5004, RtpMap.PCMU, 20);

        assertThat(SdpWriter.write(stream)).contains("o=- 7 3 IN IP6 2001:db8:0:0:0:0:0:1\r\n", "c=IN IP6 ff15:0:0:0:0:0:0:10\r\n");
    }

    @Test
    void aSessionNameCannotSmuggleInAnotherLine() {
        assertThatThrownBy(() -> new StreamDescription("x\r\nc=IN IP4 6.6.6.6", 1, 1, InetAddress.getLoopbackAddress(),
                InetAddress.getLoopbackAddress(), 0, 5004, RtpMap.PCMU, 20))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void multicastWithoutATtlIsRefused() {
        assertThatThrownBy(() -> new StreamDescription("Loa", 1, 1, InetAddress.getLoopbackAddress(),
                InetAddress.getByName("239.1.1.1"), 0, 5004, RtpMap.PCMU, 20))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
