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
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hotline's SIP user agent (JAIN-SIP RI): takes calls on UDP and TCP, directly or through the trunk it registers
 * with (see {@link TrunkRegistration}), throttles floods and turns away calls over the limit; {@link CallAnswerer}
 * checks the caller, answers with G.711 and hands the call to its voice menu; {@link CallTable} keeps the calls.
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
    private final Map<String, short[]> spoken = new ConcurrentHashMap<>();
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final int port;
    private SipStack stack;
    private SipEndpoint sip;
    private CallAnswerer answerer;
    private TrunkRegistration registration;
    private final HotlineMetrics metrics = new HotlineMetrics();
    private final SipDigest digest;
    private final CallerCheck check;
    private final CallTable calls;
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
        this.calls = new CallTable(check::pinDone);
        this.tcpGuard = new TcpGuard(limits.tcpPerAddress(), limits.tcpIdle().toNanos(), System::nanoTime,
                s -> calls.holdsTcp(s.getInetAddress().getHostAddress() + ":" + s.getPort()), metrics);
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
        ListeningPoint udp = stack.createListeningPoint(settings.listenHost(), port, ListeningPoint.UDP);
        ListeningPoint tcp = stack.createListeningPoint(settings.listenHost(), port, ListeningPoint.TCP);
        SipProvider provider = stack.createSipProvider(udp);
        provider.addListeningPoint(tcp);
        sip = new SipEndpoint(provider, factory.createMessageFactory(), factory.createHeaderFactory(),
                factory.createAddressFactory());
        answerer = new CallAnswerer(settings, port, sip, calls, check, digest, metrics, this::newCall);
        provider.addSipListener(this);
        stack.start();
        timer.scheduleAtFixedRate(this::checkIdle, 1, 1, TimeUnit.SECONDS);
        workers.execute(() -> VoiceMenu.FIXED.forEach(this::prompt));
        if (settings.registrar() != null) {
            registration = new TrunkRegistration(settings, port, stack, sip.provider, sip.messages, sip.headers,
                    sip.addresses, timer);
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
                case Request.OPTIONS -> sip.reply(event, Response.OK);
                default -> sip.reply(event, Response.METHOD_NOT_ALLOWED);
            }
        } catch (Exception e) {
            LOG.warn("SIP {} from {} failed", request.getMethod(), CallingParty.of(event).address(), e);
        }
    }

    private void invite(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        String callId = SipEndpoint.callId(request);
        if (calls.has(callId)) {
            return; // a retransmission or re-INVITE; the first answer stands
        }
        CallingParty party = CallingParty.of(event);
        if (!throttle.allow(party.address())) {
            metrics.throttled.incrementAndGet();
            Response busy = sip.response(Response.SERVICE_UNAVAILABLE, request);
            busy.addHeader(sip.headers.createRetryAfterHeader(2));
            sip.provider.sendResponse(busy); // stateless: a flood costs no transaction
            return;
        }
        ServerTransaction st;
        try {
            st = event.getServerTransaction() != null ? event.getServerTransaction()
                    : sip.provider.getNewServerTransaction(request);
        } catch (TransactionAlreadyExistsException e) {
            return;
        }
        if (calls.size() >= settings.limits().maxCalls()) {
            metrics.busy.incrementAndGet();
            st.sendResponse(sip.response(Response.BUSY_HERE, request));
            return;
        }
        calls.ringing(callId, st);
        st.sendResponse(sip.response(Response.TRYING, request));
        workers.execute(() -> answerer.answer(st, request, callId, party));
    }

    /** The call an answered INVITE starts: recorded (unless the disk is low), menu prompts spoken once and kept. */
    private HotlineCall newCall(String callId, CallingParty party, MediaPort media) throws Exception {
        CallRecording recording = CallRecording.open(recordings.resolve(callFile(callId)), diskLow);
        return new HotlineCall(Integer.toHexString(callId.hashCode() & 0x7FFFFFFF) + "-"
                + System.currentTimeMillis() % 100_000, party.number(), party.address(), gate, actions, this::prompt,
                media, recording, this::hangUp, metrics, () -> check.pinDone(callId));
    }

    private void bye(RequestEvent event) throws Exception {
        ServerTransaction st = sip.transaction(event);
        if (st == null) {
            return;
        }
        st.sendResponse(sip.response(Response.OK, event.getRequest()));
        HotlineCall call = calls.end(SipEndpoint.callId(event.getRequest())).call();
        if (call != null) {
            call.end();
        }
    }

    private void cancel(RequestEvent event) throws Exception {
        sip.reply(event, Response.OK);
        ServerTransaction invite = calls.stopRinging(SipEndpoint.callId(event.getRequest()));
        if (invite != null) {
            invite.sendResponse(sip.response(Response.REQUEST_TERMINATED, invite.getRequest()));
        }
    }

    private void info(RequestEvent event) throws Exception {
        ServerTransaction st = sip.transaction(event);
        if (st == null) {
            return; // a retransmission: the key was counted the first time
        }
        HotlineCall call = calls.get(SipEndpoint.callId(event.getRequest()));
        byte[] body = event.getRequest().getRawContent();
        ContentTypeHeader type = (ContentTypeHeader) event.getRequest().getHeader(ContentTypeHeader.NAME);
        if (call != null && body != null && type != null) {
            // The key is taken before the 200 goes out: the phone sends the next INFO only after it, and requests are
            // handled on several threads, so this keeps the keys in the order they were pressed.
            new DtmfDigits(call::press, System::currentTimeMillis).info(
                    type.getContentType() + "/" + type.getContentSubType(), new String(body, StandardCharsets.UTF_8));
        }
        st.sendResponse(sip.response(Response.OK, event.getRequest()));
    }

    /** Hangs up from Loa's side (PIN locked, cancel, a prepared alert aired, nobody pressed a key). */
    private void hangUp(HotlineCall call) {
        calls.callIdOf(call).ifPresent(callId -> {
            javax.sip.Dialog dialog = calls.end(callId).dialog();
            try {
                if (dialog != null) {
                    Request bye = dialog.createRequest(Request.BYE);
                    dialog.sendRequest(sip.provider.getNewClientTransaction(bye));
                }
            } catch (Exception e) {
                LOG.warn("BYE for {} failed", call, e);
            }
            call.end();
        });
    }

    private void checkIdle() {
        long keyTimeout = settings.limits().keyTimeout().toNanos();
        long pinTimeout = settings.limits().pinTimeout().toNanos();
        calls.forEachLive(c -> c.checkIdle(keyTimeout, pinTimeout));
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
        calls.endAll();
        timer.shutdownNow();
        workers.shutdownNow();
        GuardedNetworkLayer.unregister(String.valueOf(stack == null ? "" : stack.getStackName()));
        if (stack != null) {
            try {
                // Deleting the provider stops its event scanner, a non-daemon thread that would keep the JVM alive.
                sip.provider.removeSipListener(this);
                stack.deleteSipProvider(sip.provider);
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
