package vn.loa.hotline;

import gov.nist.javax.sip.SipStackExt;
import gov.nist.javax.sip.clientauthutils.AccountManager;
import gov.nist.javax.sip.clientauthutils.AuthenticationHelper;
import gov.nist.javax.sip.clientauthutils.UserCredentials;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the hotline registered with the operator's SIP trunk or PBX: REGISTER, answering a 401/407 digest challenge
 * with the account's credentials (JAIN-SIP's {@link AuthenticationHelper}), and again before the registration expires.
 */
final class TrunkRegistration {

    private static final Logger LOG = LoggerFactory.getLogger(TrunkRegistration.class);
    private static final int EXPIRES = 300;

    private final HotlineSettings settings;
    private final int port;
    private final SipProvider provider;
    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final ScheduledExecutorService timer;
    private final AuthenticationHelper auth;
    private final CallIdHeader callId;
    private long cseq = 1;
    private volatile boolean registered;

    TrunkRegistration(HotlineSettings settings, int port, SipStack stack, SipProvider provider, MessageFactory messages,
            HeaderFactory headers, AddressFactory addresses, ScheduledExecutorService timer) {
        this.settings = settings;
        this.port = port;
        this.provider = provider;
        this.messages = messages;
        this.headers = headers;
        this.addresses = addresses;
        this.timer = timer;
        String domain = domain();
        AccountManager account = (transaction, realm) -> new UserCredentials() {
            @Override
            public String getUserName() {
                return settings.user();
            }

            @Override
            public String getPassword() {
                return settings.password();
            }

            @Override
            public String getSipDomain() {
                return domain;
            }
        };
        this.auth = ((SipStackExt) stack).getAuthenticationHelper(account, headers);
        this.callId = provider.getNewCallId();
    }

    boolean registered() {
        return registered;
    }

    void register() {
        send(EXPIRES);
    }

    void unregister() {
        if (registered) {
            send(0);
        }
    }

    private synchronized void send(int expires) {
        try {
            String[] hostPort = settings.registrar().split(":");
            SipURI registrar = addresses.createSipURI(null, hostPort[0]);
            if (hostPort.length > 1) {
                registrar.setPort(Integer.parseInt(hostPort[1]));
            }
            Address self = addresses.createAddress(addresses.createSipURI(settings.user(), domain()));
            SipURI contactUri = addresses.createSipURI(settings.user(), settings.publicHost());
            contactUri.setPort(port);
            ViaHeader via = headers.createViaHeader(settings.publicHost(), port, "udp", null);
            Request request = messages.createRequest(registrar, Request.REGISTER, callId,
                    headers.createCSeqHeader(cseq++, Request.REGISTER),
                    headers.createFromHeader(self, Long.toHexString(System.nanoTime())),
                    headers.createToHeader(self, null), List.of(via), headers.createMaxForwardsHeader(70));
            request.addHeader(headers.createContactHeader(addresses.createAddress(contactUri)));
            request.addHeader(headers.createExpiresHeader(expires));
            ClientTransaction ct = provider.getNewClientTransaction(request);
            ct.sendRequest();
        } catch (Exception e) {
            LOG.warn("REGISTER to {} could not be sent; trying again in 30 s", settings.registrar(), e);
            timer.schedule(this::register, 30, TimeUnit.SECONDS);
        }
    }

    void response(ResponseEvent event) {
        Response response = event.getResponse();
        if (event.getClientTransaction() == null
                || !Request.REGISTER.equals(event.getClientTransaction().getRequest().getMethod())) {
            return;
        }
        int status = response.getStatusCode();
        try {
            if (status == Response.UNAUTHORIZED || status == Response.PROXY_AUTHENTICATION_REQUIRED) {
                if (event.getClientTransaction().getRequest().getHeader("Authorization") != null
                        || event.getClientTransaction().getRequest().getHeader("Proxy-Authorization") != null) {
                    registered = false;
                    LOG.warn("trunk {} refused the credentials of {}", settings.registrar(), settings.user());
                    timer.schedule(this::register, 60, TimeUnit.SECONDS);
                    return;
                }
                synchronized (this) {
                    ClientTransaction retry = auth.handleChallenge(response, event.getClientTransaction(), provider, 5);
                    retry.sendRequest();
                }
            } else if (status >= 200 && status < 300) {
                registered = true;
                LOG.info("registered with trunk {} as {}", settings.registrar(), settings.user());
                timer.schedule(this::register, EXPIRES / 2, TimeUnit.SECONDS);
            } else if (status >= 300) {
                registered = false;
                LOG.warn("trunk {} answered {} to REGISTER; trying again in 30 s", settings.registrar(), status);
                timer.schedule(this::register, 30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            LOG.warn("REGISTER to {} failed", settings.registrar(), e);
        }
    }

    private String domain() {
        return settings.domain() != null ? settings.domain() : settings.registrar().split(":")[0];
    }
}
