package vn.loa.hotline;

import java.nio.charset.StandardCharsets;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers an INVITE the hotline took in: checks the caller (a refusal, busy, or a digest challenge), then answers with
 * G.711 on a media port of the call's own and starts the call. Runs on the hotline's workers: the check may block.
 */
final class CallAnswerer {

    /** Makes the call that an answered INVITE starts, on its media port. */
    interface NewCall {
        HotlineCall create(String callId, CallingParty party, MediaPort media) throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(CallAnswerer.class);

    private final HotlineSettings settings;
    private final int port;
    private final SipEndpoint sip;
    private final CallTable table;
    private final CallerCheck check;
    private final SipDigest digest;
    private final HotlineMetrics metrics;
    private final NewCall newCall;

    CallAnswerer(HotlineSettings settings, int port, SipEndpoint sip, CallTable table, CallerCheck check,
            SipDigest digest, HotlineMetrics metrics, NewCall newCall) {
        this.settings = settings;
        this.port = port;
        this.sip = sip;
        this.table = table;
        this.check = check;
        this.digest = digest;
        this.metrics = metrics;
        this.newCall = newCall;
    }

    /** Answers the INVITE {@code request}, ringing in {@code st}, from {@code party}. */
    void answer(ServerTransaction st, Request request, String callId, CallingParty party) {
        try {
            CallerCheck.Decision decision = check.check(request, party.number(), party.address(), callId);
            if (!decision.answered()) {
                refuse(st, request, decision);
                return;
            }
            SessionDescription offer;
            try {
                byte[] body = request.getRawContent();
                offer = SessionDescription.parseOffer(body == null ? null : new String(body, StandardCharsets.UTF_8));
            } catch (SessionDescription.Unacceptable e) {
                Response no = sip.response(Response.NOT_ACCEPTABLE_HERE, request);
                no.setReasonPhrase(e.getMessage());
                st.sendResponse(no);
                check.pinDone(callId);
                return;
            }
            MediaPort media = new MediaPort(settings.listenHost());
            HotlineCall call = newCall.create(callId, party, media);
            Response ok = sip.response(Response.OK, request);
            ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag(Long.toHexString(System.nanoTime()));
            SipURI contact = sip.addresses.createSipURI(settings.user(), settings.publicHost());
            contact.setPort(port);
            ok.addHeader(sip.headers.createContactHeader(sip.addresses.createAddress(contact)));
            ContentTypeHeader sdp = sip.headers.createContentTypeHeader("application", "sdp");
            ok.setContent(offer.answer(settings.publicHost(), media.port(), System.currentTimeMillis()), sdp);
            table.live(callId, call, st.getDialog(), party.tcpConnection());
            media.start(offer, new DtmfDigits(call::press, System::currentTimeMillis), "loa-call-" + call.id());
            st.sendResponse(ok);
            metrics.answered.incrementAndGet();
            call.begin();
        } catch (Exception e) {
            LOG.warn("call {} from {} could not be answered", callId, party.number(), e);
            table.end(callId);
            try {
                st.sendResponse(sip.response(Response.SERVER_INTERNAL_ERROR, request));
            } catch (Exception ignored) {
                // the transaction is gone; the caller times out
            }
        } finally {
            table.stopRinging(callId);
        }
    }

    /** Sends a refusal, a busy or a digest challenge, and counts it. */
    private void refuse(ServerTransaction st, Request request, CallerCheck.Decision decision) throws Exception {
        Response no = sip.response(decision.status(), request);
        no.setReasonPhrase(decision.reason());
        switch (decision.status()) {
            case Response.UNAUTHORIZED -> {
                metrics.challenged.incrementAndGet();
                no.addHeader(digest.challenge(sip.headers, decision.stale()));
            }
            case Response.BUSY_HERE -> metrics.busy.incrementAndGet();
            default -> metrics.refused.incrementAndGet();
        }
        st.sendResponse(no);
    }
}
