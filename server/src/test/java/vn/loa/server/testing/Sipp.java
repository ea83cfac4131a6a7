package vn.loa.server.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's SIPp ({@code sip-tester}) as a phone calling the hotline: a scenario is written step by step (INVITE with
 * a G.711 offer, RFC 4733 digits from SIPp's own captures, SIP INFO digits, audio from a capture, BYE) and run against
 * the hotline's port. The caller's number is the From user.
 */
public final class Sipp {

    /** Where Debian's sip-tester keeps its RTP captures. */
    public static final Path CAPTURES = Path.of("/usr/share/sip-tester");

    /** A finished run: SIPp's exit status (0 when every step went as written) and what it printed. */
    public record Result(int exit, String output) {
    }

    private final String number;
    private final StringBuilder steps = new StringBuilder();
    private int cseq = 1;
    /** The CSeq of the INVITE the call's ACK acknowledges: 2 after a digest challenge. */
    private int inviteCseq = 1;
    private String localIp = "127.0.0.1";
    private boolean tcp;

    private Sipp(String number) {
        this.number = number;
    }

    /** A call from {@code number}: the INVITE with a PCMA and telephone-event offer. */
    public static Sipp call(String number) {
        Sipp s = new Sipp(number);
        s.steps.append(s.invite(1, ""));
        return s;
    }

    /** The call comes from {@code ip} (a loopback address such as 127.0.0.2: another place than the trunk's). */
    public Sipp from(String ip) {
        localIp = ip;
        return this;
    }

    /** The call's SIP goes over one TCP connection instead of UDP. */
    public Sipp overTcp() {
        tcp = true;
        return this;
    }

    /**
     * Expects a digest challenge (401), acknowledges it and sends the INVITE again with SIPp's answer for user
     * {@code number} and {@code password}, as a desk phone with a SIP account does.
     */
    public Sipp authenticatedWith(String password) {
        steps.append("<recv response=\"401\" auth=\"true\"/>\n").append(ackFailure())
                .append(invite(2, "[authentication username=" + number + " password=" + password + "]\n"));
        cseq = 2;
        inviteCseq = 2;
        return this;
    }

    private String invite(int seq, String extraHeaders) {
        return """
                <send retrans="500"><![CDATA[
                INVITE sip:hotline@[remote_ip]:[remote_port] SIP/2.0
                Via: SIP/2.0/[transport] [local_ip]:[local_port];rport;branch=[branch]
                From: <sip:%1$s@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
                To: <sip:hotline@[remote_ip]:[remote_port]>
                Call-ID: [call_id]
                CSeq: %2$d INVITE
                Contact: <sip:%1$s@[local_ip]:[local_port]>
                Max-Forwards: 70
                %3$sContent-Type: application/sdp
                Content-Length: [len]

                v=0
                o=phone 1 1 IN IP4 [local_ip]
                s=-
                c=IN IP4 [media_ip]
                t=0 0
                m=audio [media_port] RTP/AVP 8 101
                a=rtpmap:8 PCMA/8000
                a=rtpmap:101 telephone-event/8000
                a=fmtp:101 0-15
                ]]></send>
                <recv response="100" optional="true"/>
                """.formatted(number, seq, extraHeaders);
    }

    /** Expects the hotline to answer, and acknowledges. */
    public Sipp answered() {
        steps.append("<recv response=\"200\" rrs=\"true\"/>\n").append(inDialog("ACK", null, null, false));
        return this;
    }

    /** Expects a refusal with {@code status}, and acknowledges it. */
    public Sipp refused(int status) {
        steps.append("<recv response=\"").append(status).append("\"/>\n").append(ackFailure());
        return this;
    }

    /** The ACK of a final answer other than 2xx: same branch as the INVITE (its Via), same CSeq number. */
    private String ackFailure() {
        return """
                <send><![CDATA[
                ACK sip:hotline@[remote_ip]:[remote_port] SIP/2.0
                [last_Via:]
                From: <sip:%s@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
                To: <sip:hotline@[remote_ip]:[remote_port]>[peer_tag_param]
                Call-ID: [call_id]
                CSeq: %d ACK
                Max-Forwards: 70
                Content-Length: 0
                ]]></send>
                """.formatted(number, inviteCseq);
    }

    public Sipp pause(int millis) {
        steps.append("<pause milliseconds=\"").append(millis).append("\"/>\n");
        return this;
    }

    /** Keys pressed as RFC 4733 telephone events, from SIPp's captures, 400 ms apart. */
    public Sipp rtpDigits(String keys) {
        for (char key : keys.toCharArray()) {
            String name = key == '#' ? "pound" : key == '*' ? "star" : String.valueOf(key);
            play(CAPTURES.resolve("dtmf_2833_" + name + ".pcap"));
            pause(400);
        }
        return this;
    }

    /** Keys pressed as SIP INFO ({@code application/dtmf-relay}), each answered 200. */
    public Sipp infoDigits(String keys) {
        for (char key : keys.toCharArray()) {
            steps.append(inDialog("INFO", "application/dtmf-relay", "Signal=" + key + "\r\nDuration=160", false))
                    .append("<recv response=\"200\"/>\n");
            pause(150);
        }
        return this;
    }

    /** Sends the RTP packets of a capture to the hotline's media address, at the capture's pace. */
    public Sipp play(Path pcap) {
        steps.append("<nop><action><exec play_pcap_audio=\"").append(pcap).append("\"/></action></nop>\n");
        return this;
    }

    /** The caller hangs up. */
    public Sipp hangUp() {
        steps.append(inDialog("BYE", null, null, true)).append("<recv response=\"200\" crlf=\"true\"/>\n");
        return this;
    }

    /** The hotline hangs up; the caller answers its BYE. */
    public Sipp hungUpOn() {
        steps.append("""
                <recv request="BYE"/>
                <send><![CDATA[
                SIP/2.0 200 OK
                [last_Via:]
                [last_From:]
                [last_To:]
                [last_Call-ID:]
                [last_CSeq:]
                Content-Length: 0
                ]]></send>
                """);
        return this;
    }

    private String inDialog(String method, String type, String body, boolean bye) {
        int seq = method.equals("ACK") ? inviteCseq : ++cseq;
        return """
                <send><![CDATA[
                %1$s [next_url] SIP/2.0
                Via: SIP/2.0/[transport] [local_ip]:[local_port];rport;branch=[branch]
                From: <sip:%2$s@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
                To: <sip:hotline@[remote_ip]:[remote_port]>[peer_tag_param]
                Call-ID: [call_id]
                CSeq: %3$d %1$s
                Contact: <sip:%2$s@[local_ip]:[local_port]>
                Max-Forwards: 70
                %4$sContent-Length: [len]

                %5$s
                ]]></send>
                """.formatted(method, number, seq, type == null ? "" : "Content-Type: " + type + "\n",
                body == null ? "" : body);
    }

    /** Writes the scenario and runs it once against {@code 127.0.0.1:port}; fails after {@code seconds}. */
    public Result run(int port, int seconds) throws IOException, InterruptedException {
        return run(port, 1, seconds);
    }

    /**
     * Runs the scenario as {@code calls} calls at once (all started within a second), against {@code 127.0.0.1:port};
     * fails after {@code seconds}.
     */
    public Result run(int port, int calls, int seconds) throws IOException, InterruptedException {
        Path dir = TempDirs.create("loa-sipp-");
        List<String> start = new ArrayList<>(List.of("sipp", "127.0.0.1:" + port, "-i", localIp, "-mi", localIp, "-p",
                String.valueOf(freeUdpPort()), "-mp", String.valueOf(freeMediaPorts())));
        if (tcp) {
            start.addAll(List.of("-t", "t1"));
        }
        return sipp(dir, start, List.of("-sf", scenario(dir).toString(), "-m", String.valueOf(calls), "-l",
                String.valueOf(calls), "-r", String.valueOf(calls)), seconds);
    }

    /** Writes the scenario into {@code dir}. */
    private Path scenario(Path dir) throws IOException {
        Path scenario = dir.resolve("call.xml");
        Files.writeString(scenario, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<scenario name=\"loa hotline call\">\n"
                + steps + "</scenario>\n", StandardCharsets.UTF_8);
        return scenario;
    }

    /**
     * Runs the scenario once from inside network namespace {@code namespace} (a phone behind a NAT of a
     * {@link FieldNetwork}), from {@code localIp}, against {@code server:port}; fails after {@code seconds}.
     */
    public Result runFrom(String namespace, String localIp, String server, int port, int seconds)
            throws IOException, InterruptedException {
        Path dir = TempDirs.create("loa-sipp-");
        // The namespace has its own ports: SIPp's usual ones are free there.
        return sipp(dir, List.of("ip", "netns", "exec", namespace, "sipp", server + ":" + port, "-i", localIp, "-mi",
                localIp, "-p", "5060", "-mp", String.valueOf(MEDIA_PORT)), List.of("-sf", scenario(dir).toString(),
                "-m", "1", "-l", "1"), seconds);
    }

    /** The RTP port of a call placed with {@link #runFrom}. */
    public static final int MEDIA_PORT = 6000;

    /**
     * An INVITE flood: SIPp's built-in UAC at {@code rate} calls a second, {@code calls} in all, from one address.
     */
    public static Result flood(int port, int rate, int calls, int seconds) throws IOException, InterruptedException {
        Path dir = TempDirs.create("loa-sipp-");
        return sipp(dir, List.of("-sn", "uac", "-r", String.valueOf(rate), "-m", String.valueOf(calls), "-l",
                String.valueOf(calls), "-recv_timeout", "3000"), port, seconds);
    }

    /**
     * SIPp as the operator's registrar on {@code port}: it challenges the first REGISTER (digest, realm loa.test),
     * then answers 200 if the second carries the right credentials for {@code user}/{@code password}, 403 otherwise.
     */
    public static Process registrar(int port, String user, String password) throws IOException {
        Path dir = TempDirs.create("loa-sipp-");
        Path scenario = dir.resolve("registrar.xml");
        Files.writeString(scenario, """
                <?xml version="1.0" encoding="UTF-8"?>
                <scenario name="loa trunk registrar">
                <recv request="REGISTER"/>
                <send><![CDATA[
                SIP/2.0 401 Unauthorized
                [last_Via:]
                [last_From:]
                [last_To:];tag=[pid]SIPpTag01[call_number]
                [last_Call-ID:]
                [last_CSeq:]
                WWW-Authenticate: Digest realm="loa.test", nonce="47364c23432d2e131a5fb210812c", algorithm=MD5
                Content-Length: 0
                ]]></send>
                <recv request="REGISTER">
                  <action><verifyauth assign_to="authvalid" username="%s" password="%s"/></action>
                </recv>
                <nop hide="true" test="authvalid" next="1"/>
                <send next="2"><![CDATA[
                SIP/2.0 403 Forbidden
                [last_Via:]
                [last_From:]
                [last_To:];tag=[pid]SIPpTag01[call_number]
                [last_Call-ID:]
                [last_CSeq:]
                Content-Length: 0
                ]]></send>
                <label id="1"/>
                <send><![CDATA[
                SIP/2.0 200 OK
                [last_Via:]
                [last_From:]
                [last_To:];tag=[pid]SIPpTag01[call_number]
                [last_Call-ID:]
                [last_CSeq:]
                [last_Contact:]
                Expires: 300
                Content-Length: 0
                ]]></send>
                <label id="2"/>
                </scenario>
                """.formatted(user, password), StandardCharsets.UTF_8);
        Process registrar = new ProcessBuilder("sipp", "-sf", scenario.toString(), "-i", "127.0.0.1", "-p",
                String.valueOf(port), "-m", "1", "-nostdin", "-timeout", "30s").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sipp.out").toFile()).start();
        // Listening once its port is taken: a REGISTER sent before that would be lost.
        await().alias("SIPp listens on UDP " + port).atMost(Duration.ofSeconds(10))
                .until(() -> !registrar.isAlive() || !udpPortFree(port));
        return registrar;
    }

    private static boolean udpPortFree(int port) {
        try (DatagramSocket probe = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (java.net.SocketException taken) {
            return false;
        }
    }

    /** A free UDP port on the loopback address. */
    public static int freePort() throws IOException {
        return freeUdpPort();
    }

    private static Result sipp(Path dir, List<String> scenario, int port, int seconds)
            throws IOException, InterruptedException {
        return sipp(dir, List.of("sipp", "127.0.0.1:" + port, "-i", "127.0.0.1", "-mi", "127.0.0.1", "-p",
                String.valueOf(freeUdpPort()), "-mp", String.valueOf(freeMediaPorts())), scenario, seconds);
    }

    private static Result sipp(Path dir, List<String> start, List<String> scenario, int seconds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(start);
        command.addAll(List.of("-nostdin", "-timeout", seconds + "s", "-trace_err", "-error_file",
                dir.resolve("errors.log").toString()));
        command.addAll(scenario);
        Path out = dir.resolve("sipp.out");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        if (!process.waitFor(seconds + 10L, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        // SIPp's screen and error log may hold raw bytes of the messages it saw: read them as Latin-1.
        String errors = Files.exists(dir.resolve("errors.log"))
                ? Files.readString(dir.resolve("errors.log"), StandardCharsets.ISO_8859_1) : "";
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1) + errors);
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** An even port whose next three are free too: SIPp binds audio RTP, RTCP, video RTP and RTCP from it. */
    private static int freeMediaPorts() throws IOException {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = 20_000 + 2 * random.nextInt(20_000);
            List<DatagramSocket> held = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    held.add(new DatagramSocket(base + i, InetAddress.getLoopbackAddress()));
                }
                return base;
            } catch (java.net.SocketException taken) {
                // try another base
            } finally {
                held.forEach(DatagramSocket::close);
            }
        }
        throw new IOException("no four free UDP ports in a row for SIPp's media");
    }
}
