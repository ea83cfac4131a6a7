package vn.loa.hotline;

import gov.nist.javax.sip.RequestEventExt;
import javax.sip.RequestEvent;
import javax.sip.address.SipURI;
import javax.sip.address.TelURL;
import javax.sip.address.URI;
import javax.sip.header.FromHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/**
 * Who an INVITE says is calling and where it really came from: the calling number (a hint: caller ID can be forged),
 * the source address (what the network saw), and for a call over TCP its connection, which must stay open while the
 * call lasts.
 *
 * @param tcpConnection {@code address:port} of the TCP connection, or null over UDP
 */
record CallingParty(String number, String address, String tcpConnection) {

    static CallingParty of(RequestEvent event) {
        Request request = event.getRequest();
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        String number = from == null ? "" : number(from.getAddress().getURI());
        String address = event instanceof RequestEventExt ext && ext.getRemoteIpAddress() != null
                ? ext.getRemoteIpAddress() : "unknown";
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        boolean tcp = via != null && "TCP".equalsIgnoreCase(via.getTransport());
        String connection = tcp && event instanceof RequestEventExt ext ? address + ":" + ext.getRemotePort() : null;
        return new CallingParty(number, address, connection);
    }

    /** The calling number: the user part of the From URI, digits and a leading + only. */
    static String number(URI uri) {
        String user = uri instanceof SipURI sip ? sip.getUser() : uri instanceof TelURL tel ? tel.getPhoneNumber()
                : null;
        if (user == null) {
            return "";
        }
        StringBuilder n = new StringBuilder();
        for (int i = 0; i < user.length() && n.length() < 32; i++) {
            char c = user.charAt(i);
            if (Character.isDigit(c) || c == '+' && n.length() == 0) {
                n.append(c);
            }
        }
        return n.toString();
    }
}
