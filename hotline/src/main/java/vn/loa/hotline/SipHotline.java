package vn.loa.hotline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hotline's SIP user agent (JAIN-SIP RI): takes calls on UDP and TCP, directly or through the trunk it registers
 * with (see {@link TrunkRegistration}), checks the caller, answers with G.711 and hands the call to its voice menu.
 *
 * <p>Threading: JAIN-SIP delivers requests on its own threads; anything that may block (the caller check, speech)
 * runs on the hotline's worker pool, and each call has a thread of its own for its menu.
 */
public final class SipHotline implements SipListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SipHotline.class);
    private static final AtomicInteger STACKS = new AtomicInteger();

    private final HotlineSettings settings;
    private final CallerGate gate;
    private final HotlineActions actions;
    private final Path recordings;
    private final BooleanSupplier diskLow;
    private final InviteThrottle throttle;
    private final Map<String, HotlineCall> calls = new ConcurrentHashMap<>();
    private final Map<String, ServerTransaction> ringing = new ConcurrentHashMap<>();
    private final Map<String, javax.sip.Dialog> dialogs = new ConcurrentHashMap<>();
    private final Map<String, short[]> spoken = new ConcurrentHashMap<>();
    /** The TCP connection ({@code address:port}) each call over TCP came on, kept open while the call lasts. */
    private final Map<String, String> tcpCalls = new ConcurrentHashMap<>();
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final int port;
    private SipStack stack;
    private SipProvider provider;
    private MessageFactory messages;
    private HeaderFactory headers;
    private AddressFactory addresses;
    private TrunkRegistration registration;
    private final HotlineMetrics metrics = new HotlineMetrics();
    private final SipDigest digest;
    private final CallerCheck check;
    private final TcpGuard tcpGuard;

    private SipHotline(HotlineSettings settings, CallerGate gate, HotlineActions actions, Path recordings,
            BooleanSupplier diskLow, int port) {
        this.settings = settings;
        this.diskLow = diskLow;
        this.gate = gate;
        this.actions = actions;
        this.recordings = recordings;
        this.port = port;
        HotlineLimits limits = settings.limits();
        this.throttle = new InviteThrottle(limits.invitesPerSecond(), System::nanoTime);
        this.digest = new SipDigest(settings.realm(), System::currentTimeMillis);
        this.check = new CallerCheck(gate, digest, limits.pinWaiting());
        this.tcpGuard = new TcpGuard(limits.tcpPerAddress(), limits.tcpIdle().toNanos(), System::nanoTime,
                s -> tcpCalls.containsValue(s.getInetAddress().getHostAddress() + ":" + s.getPort()), metrics);
        this.workers = Executors.newFixedThreadPool(4, daemon("loa-hotline"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("loa-hotline-timer"));
    }

    /** Starts listening (and registering, if a trunk is set); prompts are spoken in the background. */
    public static SipHotline start(HotlineSettings settings, CallerGate gate, HotlineActions actions, Path recordings)
            throws Exception {
        return start(settings, gate, actions, recordings, () -> false);
    }

    /**
     * As {@link #start(HotlineSettings, CallerGate, HotlineActions, Path)}; while {@code diskLow} says the disk is
     * nearly full, calls are answered and aired unrecorded.
     */
    public static SipHotline start(HotlineSettings settings, CallerGate gate, HotlineActions actions, Path recordings,
            BooleanSupplier diskLow) throws Exception {
        int port = settings.port() == 0 ? HotlineStack.freePort(settings.listenHost()) : settings.port();
        SipHotline hotline = new SipHotline(settings, gate, actions, recordings, diskLow, port);
        hotline.listen();
        return hotline;
    }

    private void listen() throws Exception {
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        String name = "loa-hotline-" + STACKS.incrementAndGet();
        GuardedNetworkLayer.register(name, tcpGuard);
        Properties p = HotlineStack.properties(name);
        stack = factory.createSipStack(p);
        messages = factory.createMessageFactory();
        headers = factory.createHeaderFactory();
        addresses = factory.createAddressFactory();
        ListeningPoint udp = stack.createListeningPoint(settings.listenHost(), port, ListeningPoint.UDP);
        ListeningPoint tcp = stack.createListeningPoint(settings.listenHost(), port, ListeningPoint.TCP);
        provider = stack.createSipProvider(udp);
        provider.addListeningPoint(tcp);
        provider.addSipListener(this);
        stack.start();
        timer.scheduleAtFixedRate(this::checkIdle, 1, 1, TimeUnit.SECONDS);
        workers.execute(() -> VoiceMenu.FIXED.forEach(this::prompt));
        if (settings.registrar() != null) {
            registration = new TrunkRegistration(settings, port, stack, provider, messages, headers, addresses, timer);
            registration.register();
        }
        LOG.info("hotline listening on {}:{} (UDP, TCP){}", settings.listenHost(), port,
                settings.registrar() == null ? "" : ", registering with " + settings.registrar());
    }

    /** The SIP port (UDP and TCP). */
    public int port() {
        return port;
    }

    /** True once the trunk accepted the registration (always false without a trunk). */
    public boolean registered() {
        return registration != null && registration.registered();
    }

    /** Timing and counters for the benchmark and {@code /metrics}. */
    public HotlineMetrics metrics() {
        return metrics;
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        try {
            switch (request.getMethod()) {
                case Request.INVITE -> invite(event);
                case Request.ACK -> { }
                case Request.BYE -> bye(event);
                case Request.CANCEL -> cancel(event);
                case Request.INFO -> info(event);
                case Request.OPTIONS -> reply(event, Response.OK);
                default -> reply(event, Response.METHOD_NOT_ALLOWED);
            }
        } catch (Exception e) {
            LOG.warn("SIP {} from {} failed", request.getMethod(), CallingParty.of(event).address(), e);
        }
    }

    private void invite(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        String callId = callId(request);
        if (calls.containsKey(callId) || ringing.containsKey(callId)) {
            return; // a retransmission or re-INVITE; the first answer stands
        }
        CallingParty party = CallingParty.of(event);
        if (!throttle.allow(party.address())) {
            metrics.throttled.incrementAndGet();
            Response busy = messages.createResponse(Response.SERVICE_UNAVAILABLE, request);
            busy.addHeader(headers.createRetryAfterHeader(2));
            provider.sendResponse(busy); // stateless: a flood costs no transaction
            return;
        }
        ServerTransaction st;
        try {
            st = event.getServerTransaction() != null ? event.getServerTransaction()
                    : provider.getNewServerTransaction(request);
        } catch (TransactionAlreadyExistsException e) {
            return;
        }
        if (calls.size() + ringing.size() >= settings.limits().maxCalls()) {
            metrics.busy.incrementAndGet();
            st.sendResponse(messages.createResponse(Response.BUSY_HERE, request));
            return;
        }
        ringing.put(callId, st);
        st.sendResponse(messages.createResponse(Response.TRYING, request));
        workers.execute(() -> answer(st, request, callId, party));
    }

    private void answer(ServerTransaction st, Request request, String callId, CallingParty party) {
        String number = party.number();
        String address = party.address();
        try {
            CallerCheck.Decision decision = check.check(request, number, address, callId);
            if (!decision.answered()) {
                refuse(st, request, decision);
                return;
            }
            SessionDescription offer;
            try {
                byte[] body = request.getRawContent();
                offer = SessionDescription.parseOffer(body == null ? null : new String(body, StandardCharsets.UTF_8));
            } catch (SessionDescription.Unacceptable e) {
                Response no = messages.createResponse(Response.NOT_ACCEPTABLE_HERE, request);
                no.setReasonPhrase(e.getMessage());
                st.sendResponse(no);
                check.pinDone(callId);
                return;
            }
            MediaPort media = new MediaPort(settings.listenHost());
            CallRecording recording = CallRecording.open(recordings.resolve(callFile(callId)), diskLow);
            HotlineCall call = new HotlineCall(Integer.toHexString(callId.hashCode() & 0x7FFFFFFF) + "-"
                    + System.currentTimeMillis() % 100_000, number, address, gate, actions, this::prompt, media,
                    recording, this::hangUp, metrics, () -> check.pinDone(callId));
            Response ok = messages.createResponse(Response.OK, request);
            ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag(Long.toHexString(System.nanoTime()));
            SipURI contact = addresses.createSipURI(settings.user(), settings.publicHost());
            contact.setPort(port);
            ok.addHeader(headers.createContactHeader(addresses.createAddress(contact)));
            ContentTypeHeader sdp = headers.createContentTypeHeader("application", "sdp");
            ok.setContent(offer.answer(settings.publicHost(), media.port(), System.currentTimeMillis()), sdp);
            calls.put(callId, call);
            dialogs.put(callId, st.getDialog());
            if (party.tcpConnection() != null) {
                tcpCalls.put(callId, party.tcpConnection());
            }
            media.start(offer, new DtmfDigits(call::press, System::currentTimeMillis), "loa-call-" + call.id());
            st.sendResponse(ok);
            metrics.answered.incrementAndGet();
            call.begin();
        } catch (Exception e) {
            LOG.warn("call {} from {} could not be answered", callId, number, e);
            calls.remove(callId);
            forget(callId);
            try {
                st.sendResponse(messages.createResponse(Response.SERVER_INTERNAL_ERROR, request));
            } catch (Exception ignored) {
                // the transaction is gone; the caller times out
            }
        } finally {
            ringing.remove(callId);
        }
    }

    private void bye(RequestEvent event) throws Exception {
        ServerTransaction st = transaction(event);
        if (st == null) {
            return;
        }
        st.sendResponse(messages.createResponse(Response.OK, event.getRequest()));
        HotlineCall call = calls.remove(callId(event.getRequest()));
        dialogs.remove(callId(event.getRequest()));
        forget(callId(event.getRequest()));
        if (call != null) {
            call.end();
        }
    }

    private void cancel(RequestEvent event) throws Exception {
        reply(event, Response.OK);
        String callId = callId(event.getRequest());
        ServerTransaction invite = ringing.remove(callId);
        if (invite != null) {
            invite.sendResponse(messages.createResponse(Response.REQUEST_TERMINATED, invite.getRequest()));
        }
    }

    private void info(RequestEvent event) throws Exception {
        ServerTransaction st = transaction(event);
        if (st == null) {
            return; // a retransmission: the key was counted the first time
        }
        HotlineCall call = calls.get(callId(event.getRequest()));
        byte[] body = event.getRequest().getRawContent();
        ContentTypeHeader type = (ContentTypeHeader) event.getRequest().getHeader(ContentTypeHeader.NAME);
        if (call != null && body != null && type != null) {
            // The key is taken before the 200 goes out: the phone sends the next INFO only after it, and requests are
            // handled on several threads, so this keeps the keys in the order they were pressed.
            new DtmfDigits(call::press, System::currentTimeMillis).info(
                    type.getContentType() + "/" + type.getContentSubType(), new String(body, StandardCharsets.UTF_8));
        }
        st.sendResponse(messages.createResponse(Response.OK, event.getRequest()));
    }

    /** Hangs up from Loa's side (PIN locked, cancel, a prepared alert aired, nobody pressed a key). */
    private void hangUp(HotlineCall call) {
        calls.entrySet().stream().filter(e -> e.getValue() == call).map(Map.Entry::getKey).findFirst()
                .ifPresent(callId -> {
                    calls.remove(callId);
                    forget(callId);
                    javax.sip.Dialog dialog = dialogs.remove(callId);
                    try {
                        if (dialog != null) {
                            Request bye = dialog.createRequest(Request.BYE);
                            dialog.sendRequest(provider.getNewClientTransaction(bye));
                        }
                    } catch (Exception e) {
                        LOG.warn("BYE for {} failed", call, e);
                    }
                    call.end();
                });
    }

    /** Sends a refusal, a busy or a digest challenge, and counts it. */
    private void refuse(ServerTransaction st, Request request, CallerCheck.Decision decision) throws Exception {
        Response no = messages.createResponse(decision.status(), request);
        no.setReasonPhrase(decision.reason());
        switch (decision.status()) {
            case Response.UNAUTHORIZED -> {
                metrics.challenged.incrementAndGet();
                no.addHeader(digest.challenge(headers, decision.stale()));
            }
            case Response.BUSY_HERE -> metrics.busy.incrementAndGet();
            default -> metrics.refused.incrementAndGet();
        }
        st.sendResponse(no);
    }

    /** The call is over: it no longer waits for a PIN nor holds its TCP connection open. */
    private void forget(String callId) {
        check.pinDone(callId);
        tcpCalls.remove(callId);
    }

    private void checkIdle() {
        long keyTimeout = settings.limits().keyTimeout().toNanos();
        long pinTimeout = settings.limits().pinTimeout().toNanos();
        calls.values().forEach(c -> c.checkIdle(keyTimeout, pinTimeout));
        tcpGuard.sweep();
    }

    /** Calls now waiting for their PIN without SIP authentication. */
    public int waitingForPin() {
        return check.waiting();
    }

    /** SIP/TCP connections open now. */
    public int tcpConnections() {
        return tcpGuard.size();
    }

    private short[] prompt(String text) {
        return spoken.computeIfAbsent(text, actions::speak);
    }

    /**
     * The request's server transaction, so that the stack absorbs its retransmissions (a slow answer makes the phone
     * send INFO again, and a key must not count twice); null for a retransmission.
     */
    private ServerTransaction transaction(RequestEvent event) throws Exception {
        if (event.getServerTransaction() != null) {
            return event.getServerTransaction();
        }
        try {
            return provider.getNewServerTransaction(event.getRequest());
        } catch (TransactionAlreadyExistsException e) {
            return null;
        }
    }

    private void reply(RequestEvent event, int status) throws Exception {
        ServerTransaction st = event.getServerTransaction();
        Response response = messages.createResponse(status, event.getRequest());
        if (st == null) {
            provider.sendResponse(response);
        } else {
            st.sendResponse(response);
        }
    }

    private static String callId(Request request) {
        return ((javax.sip.header.CallIdHeader) request.getHeader(javax.sip.header.CallIdHeader.NAME)).getCallId();
    }

    private static String callFile(String callId) {
        return java.time.LocalDate.now() + "/" + Integer.toHexString(callId.hashCode()) + "-"
                + System.currentTimeMillis() + ".wav";
    }

    @Override
    public void processResponse(ResponseEvent event) {
        if (registration != null) {
            registration.response(event);
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.debug("SIP I/O error with {}:{}", event.getHost(), event.getPort());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        if (registration != null) {
            registration.unregister();
        }
        calls.values().forEach(HotlineCall::end);
        calls.clear();
        timer.shutdownNow();
        workers.shutdownNow();
        GuardedNetworkLayer.unregister(String.valueOf(stack == null ? "" : stack.getStackName()));
        if (stack != null) {
            try {
                // Deleting the provider stops its event scanner, a non-daemon thread that would keep the JVM alive.
                provider.removeSipListener(this);
                stack.deleteSipProvider(provider);
            } catch (Exception e) {
                LOG.debug("SIP provider already gone", e);
            }
            stack.stop();
            if (stack instanceof gov.nist.javax.sip.SipStackImpl impl && impl.getEventScanner() != null) {
                impl.getEventScanner().forceStop();
            }
        }
    }
}
