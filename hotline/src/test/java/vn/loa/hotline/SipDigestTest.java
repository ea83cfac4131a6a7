package vn.loa.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import javax.sip.SipFactory;
import javax.sip.header.AuthorizationHeader;
import org.junit.jupiter.api.Test;

class SipDigestTest {

    private final AtomicLong now = new AtomicLong(1_800_000_000_000L);
    private final SipDigest digest = new SipDigest("loa", now::get);

    @Test
    void responseMatchesTheWorkedExampleOfRfc2617() {
        String ha1 = SipDigest.ha1("Mufasa", "testrealm@host.com", "Circle Of Life");

        String response = SipDigest.response(ha1, "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b", "auth",
                "GET", "/dir/index.html");

        assertThat(response).isEqualTo("6629fae49393a05397450978507c4ef1");
    }

    @Test
    void aPhoneThatKnowsThePasswordIsAcceptedOnce() throws Exception {
        String nonce = digest.nonce();
        AuthorizationHeader answer = answer("+84912000111", "loa", nonce, "mat-khau-dien-thoai");

        assertThat(digest.verify(answer, "INVITE", "+84912000111", SipDigest.ha1("+84912000111", "loa",
                "mat-khau-dien-thoai"))).isEqualTo(SipDigest.Verdict.ACCEPTED);
        assertThat(digest.verify(answer, "INVITE", "+84912000111", SipDigest.ha1("+84912000111", "loa",
                "mat-khau-dien-thoai"))).as("the same answer replayed").isEqualTo(SipDigest.Verdict.STALE);
    }

    @Test
    void aWrongPasswordAnotherUserOrAnOldNonceIsNotAccepted() throws Exception {
        String ha1 = SipDigest.ha1("+84912000111", "loa", "mat-khau-dien-thoai");
        String nonce = digest.nonce();

        assertThat(digest.verify(answer("+84912000111", "loa", nonce, "doan-bua"), "INVITE", "+84912000111", ha1))
                .isEqualTo(SipDigest.Verdict.WRONG);
        assertThat(digest.verify(answer("+84912000222", "loa", nonce, "mat-khau-dien-thoai"), "INVITE",
                "+84912000111", ha1)).isEqualTo(SipDigest.Verdict.WRONG);
        assertThat(digest.verify(answer("+84912000111", "loa", "1234.abcd", "mat-khau-dien-thoai"), "INVITE",
                "+84912000111", ha1)).as("a nonce we never issued").isEqualTo(SipDigest.Verdict.STALE);
        now.addAndGet(SipDigest.NONCE_MILLIS + 1);
        assertThat(digest.verify(answer("+84912000111", "loa", nonce, "mat-khau-dien-thoai"), "INVITE",
                "+84912000111", ha1)).as("an expired nonce").isEqualTo(SipDigest.Verdict.STALE);
    }

    /** The Authorization header a phone sends, parsed by JAIN-SIP as the hotline receives it. */
    private static AuthorizationHeader answer(String user, String realm, String nonce, String password)
            throws Exception {
        String uri = "sip:hotline@127.0.0.1:5060";
        String response = SipDigest.response(SipDigest.ha1(user, realm, password), nonce, "00000001", "4f2a", "auth",
                "INVITE", uri);
        return (AuthorizationHeader) SipFactory.getInstance().createHeaderFactory().createHeader("Authorization",
                "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri
                        + "\", response=\"" + response + "\", algorithm=MD5, cnonce=\"4f2a\", qop=auth, nc=00000001");
    }
}
