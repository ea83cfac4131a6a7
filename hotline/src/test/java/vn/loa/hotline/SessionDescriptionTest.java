package vn.loa.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SessionDescriptionTest {

    private static final String OFFER = "v=0\r\no=phone 1 1 IN IP4 10.0.0.5\r\ns=-\r\nc=IN IP4 10.0.0.5\r\nt=0 0\r\n"
            + "m=audio 40000 RTP/AVP 18 8 0 96\r\na=rtpmap:96 telephone-event/8000\r\na=fmtp:96 0-15\r\n";

    @Test
    void theFirstG711LawOfferedIsChosenWithTheCallersEventType() throws Exception {
        SessionDescription sd = SessionDescription.parseOffer(OFFER);

        assertThat(sd.media().getHostString()).isEqualTo("10.0.0.5");
        assertThat(sd.media().getPort()).isEqualTo(40000);
        assertThat(sd.payloadType()).isEqualTo(8);
        assertThat(sd.eventPayload()).isEqualTo(96);
        assertThat(sd.answer("192.0.2.1", 30000, 42)).contains("c=IN IP4 192.0.2.1\r\n")
                .contains("m=audio 30000 RTP/AVP 8 96\r\n").contains("a=rtpmap:8 PCMA/8000\r\n")
                .contains("a=rtpmap:96 telephone-event/8000\r\n");
    }

    @Test
    void anOfferWithoutG711OrWithoutAnAddressIsRefused() {
        assertThatThrownBy(() -> SessionDescription.parseOffer(OFFER.replace(" 8 0 96", " 96")))
                .isInstanceOf(SessionDescription.Unacceptable.class).hasMessageContaining("PCMU");
        assertThatThrownBy(() -> SessionDescription.parseOffer("v=0\r\nm=audio 4000 RTP/AVP 0\r\n"))
                .isInstanceOf(SessionDescription.Unacceptable.class);
        assertThatThrownBy(() -> SessionDescription.parseOffer("m=audio x RTP/AVP 0\r\nc=IN IP4 1.2.3.4\r\n"))
                .isInstanceOf(SessionDescription.Unacceptable.class);
        assertThatThrownBy(() -> SessionDescription.parseOffer(null)).isInstanceOf(SessionDescription.Unacceptable.class);
    }
}
