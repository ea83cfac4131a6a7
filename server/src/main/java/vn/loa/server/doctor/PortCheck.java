package vn.loa.server.doctor;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.function.BooleanSupplier;

/**
 * Whether Loa can listen on a port (the HTTP port over TCP, the hotline's SIP port over UDP and TCP). A port held by
 * the Loa that is already running is fine: the doctor is often run beside the service.
 */
final class PortCheck implements Check {

    private final String subject;
    private final String host;
    private final int port;
    private final boolean udpToo;
    private final BooleanSupplier loaRunning;

    PortCheck(String subject, String host, int port, boolean udpToo, BooleanSupplier loaRunning) {
        this.subject = subject;
        this.host = host;
        this.port = port;
        this.udpToo = udpToo;
        this.loaRunning = loaRunning;
    }

    @Override
    public Finding run() {
        if (port == 0) {
            return Finding.ok(subject, "cổng 0: chọn cổng trống khi chạy (any free port)");
        }
        String problem = tryTcp();
        if (problem == null && udpToo) {
            problem = tryUdp();
        }
        if (problem == null) {
            return Finding.ok(subject, "cổng " + port + " trống (free)");
        }
        if (loaRunning.getAsBoolean()) {
            return Finding.ok(subject, "cổng " + port + " đang do Loa đang chạy sử dụng (in use by the running Loa)");
        }
        if (port < 1024 && problem.contains("Permission denied")) {
            return Finding.fail(subject, "cổng " + port + " dưới 1024 cần quyền (privileged port): dịch vụ loa.service "
                    + "có quyền này; khi chạy tay hãy dùng cổng từ 1024");
        }
        return Finding.fail(subject, "cổng " + port + " đang bị chương trình khác chiếm (port in use): " + problem
                + ". Tìm chương trình đó: sudo ss -lntup | grep :" + port + ", hoặc đổi cổng trong /etc/loa/loa.conf");
    }

    private String tryTcp() {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(host, port));
            return null;
        } catch (IOException | SecurityException e) {
            return "TCP " + e.getMessage();
        }
    }

    private String tryUdp() {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(host, port))) {
            return null;
        } catch (IOException | SecurityException e) {
            return "UDP " + e.getMessage();
        }
    }
}
