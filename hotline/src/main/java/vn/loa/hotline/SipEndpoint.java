package vn.loa.hotline;

import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.address.AddressFactory;
import javax.sip.header.CallIdHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** The hotline's end of SIP: the stack's provider and factories, and the plain ways it answers a request. */
final class SipEndpoint {

    final SipProvider provider;
    final MessageFactory messages;
    final HeaderFactory headers;
    final AddressFactory addresses;

    SipEndpoint(SipProvider provider, MessageFactory messages, HeaderFactory headers, AddressFactory addresses) {
        this.provider = provider;
        this.messages = messages;
        this.headers = headers;
        this.addresses = addresses;
    }

    /** A response with {@code status} to {@code request}, to send once filled in. */
    Response response(int status, Request request) throws Exception {
        return messages.createResponse(status, request);
    }

    /** Answers {@code status} in the request's transaction, or statelessly when it has none. */
    void reply(RequestEvent event, int status) throws Exception {
        ServerTransaction st = event.getServerTransaction();
        Response response = response(status, event.getRequest());
        if (st == null) {
            provider.sendResponse(response);
        } else {
            st.sendResponse(response);
        }
    }

    /**
     * The request's server transaction, so that the stack absorbs its retransmissions (a slow answer makes the phone
     * send INFO again, and a key must not count twice); null for a retransmission.
     */
    ServerTransaction transaction(RequestEvent event) throws Exception {
        if (event.getServerTransaction() != null) {
            return event.getServerTransaction();
        }
        try {
            return provider.getNewServerTransaction(event.getRequest());
        } catch (TransactionAlreadyExistsException e) {
            return null;
        }
    }

    static String callId(Request request) {
        return ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
    }
}
