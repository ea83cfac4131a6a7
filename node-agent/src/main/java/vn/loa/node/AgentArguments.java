package vn.loa.node;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import vn.loa.node.control.ServerAddress;
import vn.loa.node.sink.WavRecorder;

/**
 * Reads the agent's command line ({@code --server URL --id ID --token T [--record DIR] [--rtp-port P] [--volume N]})
 * into {@link AgentOptions}, with a message in Vietnamese and English for anything wrong.
 */
public final class AgentArguments {

    public static final String USAGE = """
            Dùng / Usage: ./loa node --server URL --id ID --token T [--record DIR] [--rtp-port P] [--volume N]

              --server URL    địa chỉ máy chủ Loa / the Loa server, e.g. http://192.168.1.10:8080
                              (một cụm: các địa chỉ cách nhau bằng dấu phẩy / a cluster: its members, comma-separated)
              --id ID         mã loa đã đăng ký trên máy chủ / the node id registered on the server
              --token T       mã bí mật của loa / the node's secret token
              --record DIR    ghi âm thanh ra tệp WAV trong DIR thay vì phát ra loa
                              / record WAV files in DIR instead of playing to the sound card
              --rtp-port P    cổng UDP nhận RTP (0 = tự chọn) / UDP port for RTP (0 = any free port)
              --volume N      âm lượng ban đầu 0-100 (mặc định 80) / starting volume 0-100 (default 80)
            """;

    private static final Set<String> KNOWN = Set.of("--server", "--id", "--token", "--record", "--rtp-port", "--volume");

    private AgentArguments() {
    }

    /** Whether the operator asked for help rather than a run. */
    public static boolean wantsHelp(String[] args) {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    public static AgentOptions parse(String[] args) throws BadArgumentsException {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            if (!KNOWN.contains(name)) {
                throw new BadArgumentsException(arg.startsWith("-")
                        ? "Tùy chọn không biết / unknown option: " + name
                        : "Đối số thừa / unexpected argument: " + arg);
            }
            if (value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new BadArgumentsException(name + " cần một giá trị / " + name + " needs a value");
                }
                value = args[++i];
            }
            if (values.put(name, value) != null) {
                throw new BadArgumentsException(name + " được cho hai lần / " + name + " is given twice");
            }
        }
        // A cluster's members, separated by commas: the agent moves to the next when one is lost (ADR 0038).
        java.util.List<ServerAddress> servers = new java.util.ArrayList<>();
        for (String url : required(values, "--server", "địa chỉ máy chủ Loa", "the Loa server's address").split(",")) {
            servers.add(server(url));
        }
        String id = text(required(values, "--id", "mã loa", "the node id"), "--id");
        String token = text(required(values, "--token", "mã bí mật", "the node's token"), "--token");
        Path record = values.containsKey("--record") ? recordDirectory(values.get("--record")) : null;
        int port = number(values.getOrDefault("--rtp-port", "0"), "--rtp-port", 0, 65535);
        int volume = number(values.getOrDefault("--volume", String.valueOf(AgentOptions.DEFAULT_VOLUME)), "--volume",
                0, 100);
        return new AgentOptions(servers.get(0), id, token, record, port, volume, servers.subList(1, servers.size()));
    }

    private static String required(Map<String, String> values, String name, String vi, String en)
            throws BadArgumentsException {
        String value = values.get(name);
        if (value == null) {
            throw new BadArgumentsException("Thiếu " + name + " (" + vi + ") / " + name + " is missing (" + en + ")");
        }
        return value;
    }

    private static ServerAddress server(String url) throws BadArgumentsException {
        try {
            return ServerAddress.parse(url);
        } catch (IllegalArgumentException e) {
            throw new BadArgumentsException("--server: địa chỉ không hợp lệ / not a valid address: " + e.getMessage());
        }
    }

    /** The protocol carries ids and tokens of 1 to 256 characters; spaces are almost always a copy-paste slip. */
    private static String text(String value, String name) throws BadArgumentsException {
        if (value.isEmpty() || value.length() > 256 || !value.strip().equals(value)) {
            throw new BadArgumentsException(name + " phải dài 1-256 ký tự, không có khoảng trắng ở đầu hay cuối / "
                    + name + " must be 1-256 characters with no spaces around it");
        }
        return value;
    }

    private static int number(String value, String name, int min, int max) throws BadArgumentsException {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new BadArgumentsException(name + " phải là số từ " + min + " đến " + max + " / " + name
                + " must be a number from " + min + " to " + max + ": " + value);
    }

    private static Path recordDirectory(String value) throws BadArgumentsException {
        try {
            return WavRecorder.prepare(Path.of(value));
        } catch (IOException | InvalidPathException e) {
            throw new BadArgumentsException("--record: không ghi được vào thư mục / cannot write to directory "
                    + value + " (" + e.getMessage() + ")");
        }
    }
}
