package vn.loa.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javax.sip.SipFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;

class CallerCheckTest {

    private static final String PHONE = "+84912000111";
    private static final String PASSWORD = "dien-thoai-ban-chu-tich";

    private final List<String> failures = new ArrayList<>();
    private final long now = 1_800_000_000_000L;
    private final SipDigest digest = new SipDigest("loa", () -> now);
    private final CallerCheck check = new CallerCheck(new CallerGate() {
        @Override
        public Admission admit(String number, String address) {
            return new Admission(Verdict.ACCEPTED, number.equals(PHONE) ? SipDigest.ha1(PHONE, "loa", PASSWORD) : null);
        }

        @Override
        public PinCheck checkPin(String number, String pin, String address) {
            return PinCheck.WRONG;
        }

        @Override
        public void authenticationFailed(String number, String address) {
            failures.add(number + "@" + address);
        }

        @Override
        public void ended(CallReport report) {
        }
    }, digest, 4);

    @Test
    void unauthenticatedCallsBeyondTheWaitingCapAreBusyUntilOneGetsPastItsPin() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertThat(check.check(invite("+84913000999", null), "+84913000999", "10.0.0.9", "call-" + i).answered())
                    .isTrue();
        }
        CallerCheck.Decision fifth = check.check(invite("+84913000999", null), "+84913000999", "10.0.0.9", "call-4");
        assertThat(fifth.status()).isEqualTo(Response.BUSY_HERE);

        check.pinDone("call-0");

        assertThat(check.check(invite("+84913000999", null), "+84913000999", "10.0.0.9", "call-5").answered())
                .isTrue();
        assertThat(check.waiting()).isEqualTo(4);
    }

    @Test
    void aPhoneWithAPasswordIsChallengedRefusedOnAWrongAnswerAndPassesTheFullWaitingRoomWhenRight() throws Exception {
        for (int i = 0; i < 4; i++) {
            check.check(invite("+84913000999", null), "+84913000999", "10.0.0.9", "parked-" + i);
        }

        assertThat(check.check(invite(PHONE, null), PHONE, "10.0.0.9", "forged").status())
                .isEqualTo(Response.UNAUTHORIZED);
        assertThat(check.check(invite(PHONE, "doan-bua-mat-khau"), PHONE, "10.0.0.9", "guess").status())
                .isEqualTo(Response.FORBIDDEN);
        assertThat(failures).containsExactly(PHONE + "@10.0.0.9");
        CallerCheck.Decision phone = check.check(invite(PHONE, PASSWORD), PHONE, "192.168.1.20", "desk");
        assertThat(phone.answered()).isTrue();
        assertThat(phone.authenticated()).isTrue();
    }

    /** An INVITE from {@code number}, with a digest answer for {@code password} when it is not null. */
    private Request invite(String number, String password) throws Exception {
        String uri = "sip:hotline@127.0.0.1:5060";
        String auth = "";
        if (password != null) {
            String nonce = digest.nonce();
            String response = SipDigest.response(SipDigest.ha1(number, "loa", password), nonce, "00000001", "9c1e",
                    "auth", "INVITE", uri);
            auth = "Authorization: Digest username=\"" + number + "\", realm=\"loa\", nonce=\"" + nonce + "\", uri=\""
                    + uri + "\", response=\"" + response + "\", algorithm=MD5, cnonce=\"9c1e\", qop=auth, nc=00000001\r\n";
        }
        String text = "INVITE " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 10.0.0.9:5060;branch=z9hG4bK" + System.nanoTime() + "\r\n"
                + "From: <sip:" + number + "@10.0.0.9>;tag=1\r\nTo: <" + uri + ">\r\nCall-ID: " + System.nanoTime()
                + "\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\n" + auth + "Content-Length: 0\r\n\r\n";
        return SipFactory.getInstance().createMessageFactory().createRequest(text);
    }
}
