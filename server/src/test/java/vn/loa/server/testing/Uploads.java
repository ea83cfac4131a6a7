package vn.loa.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/** Test uploads: multipart bodies, audio made by Debian's ffmpeg, and raw oversized requests on a socket. */
public final class Uploads {

    public static final String BOUNDARY = "loa-test-boundary-7f3a";

    private Uploads() {
    }

    /** A multipart/form-data body holding one file in the field {@code file}. */
    public static byte[] multipart(String fileName, String contentType, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(part(fileName, contentType));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] part(String fileName, String contentType) {
        return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    }

    public static String contentType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    /** {@code seconds} of a 440 Hz tone encoded by Debian's ffmpeg into a file with this extension. */
    public static byte[] tone(Path dir, String extension, int seconds) throws IOException, InterruptedException {
        return tone(dir, extension, seconds, 440);
    }

    /** A sine of {@code hertz} lasting {@code seconds}, encoded by ffmpeg as {@code extension}. */
    public static byte[] tone(Path dir, String extension, int seconds, int hertz) throws IOException,
            InterruptedException {
        Path file = dir.resolve("tone-" + System.nanoTime() + "." + extension);
        Process p = new ProcessBuilder(List.of("ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi", "-i",
                "sine=frequency=" + hertz + ":duration=" + seconds, "-ac", "1", file.toString()))
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg could not make " + file + ": " + said);
        }
        return Files.readAllBytes(file);
    }

    /** What became of an oversized upload: the status line the server answered, and how much the client sent. */
    public record Refusal(String statusLine, long bytesSent) {
    }

    /**
     * Starts a multipart upload on a raw socket and keeps streaming zeros (up to {@code maxBytes}) until the server
     * answers or stops reading; {@code declaredLength} (when positive) is sent as Content-Length, otherwise the body is
     * chunked. Nothing near {@code maxBytes} is ever held in memory.
     */
    public static Refusal stream(String baseUrl, String token, long declaredLength, long maxBytes) throws Exception {
        var uri = java.net.URI.create(baseUrl);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            String headers = "POST /api/v1/audio HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nAuthorization: Bearer "
                    + token + "\r\nContent-Type: " + contentType() + "\r\n"
                    + (declaredLength > 0 ? "Content-Length: " + declaredLength : "Transfer-Encoding: chunked")
                    + "\r\n\r\n";
            AtomicLong sent = new AtomicLong();
            CompletableFuture<String> status = CompletableFuture.supplyAsync(() -> statusLine(in));
            out.write(headers.getBytes(StandardCharsets.US_ASCII));
            byte[] zeros = new byte[64 * 1024];
            byte[] first = part("lon.mp3", "audio/mpeg");
            try {
                writeChunk(out, first, declaredLength <= 0);
                while (sent.get() < maxBytes && !status.isDone()) {
                    writeChunk(out, zeros, declaredLength <= 0);
                    sent.addAndGet(zeros.length);
                }
            } catch (IOException e) {
                // The server closed the connection after refusing: what it answered is read below.
            }
            return new Refusal(status.get(30, java.util.concurrent.TimeUnit.SECONDS), sent.get());
        }
    }

    private static void writeChunk(OutputStream out, byte[] bytes, boolean chunked) throws IOException {
        if (chunked) {
            out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.write(bytes);
        if (chunked) {
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
    }

    private static String statusLine(InputStream in) {
        StringBuilder line = new StringBuilder();
        try {
            for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                line.append((char) c);
            }
        } catch (IOException e) {
            line.append("(").append(e.getMessage()).append(")");
        }
        return line.toString().trim();
    }

    /** The total size of the files under a folder. */
    public static long sizeOf(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    /**
     * {@code hours} of a 300 Hz tone as an 8 kb/s MP3: ten minutes encoded by ffmpeg, its frames repeated (MP3
     * frames stand alone, so the copies play on as one file).
     */
    public static byte[] longMp3(Path dir, int hours) throws IOException, InterruptedException {
        Path piece = dir.resolve("piece.mp3");
        Process p = new ProcessBuilder(List.of("ffmpeg", "-y", "-nostdin", "-v", "error", "-f", "lavfi", "-i",
                "sine=frequency=300:duration=600:sample_rate=8000", "-ac", "1", "-b:a", "8k", "-write_xing", "0",
                "-id3v2_version", "0", piece.toString())).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg could not make " + piece + ": " + said);
        }
        byte[] tenMinutes = Files.readAllBytes(piece);
        byte[] all = new byte[tenMinutes.length * hours * 6];
        for (int i = 0; i < hours * 6; i++) {
            System.arraycopy(tenMinutes, 0, all, i * tenMinutes.length, tenMinutes.length);
        }
        return all;
    }
}
