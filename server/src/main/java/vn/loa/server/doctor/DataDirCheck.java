package vn.loa.server.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.ToLongFunction;

/** Whether the data folder exists (or can be made), can be written, and keeps the free space Loa asks for. */
final class DataDirCheck implements Check {

    static final String SUBJECT = "Thư mục dữ liệu (data dir)";

    private final Path dir;
    private final long minFreeMb;
    private final ToLongFunction<Path> usableBytes;

    DataDirCheck(Path dir, long minFreeMb, ToLongFunction<Path> usableBytes) {
        this.dir = dir;
        this.minFreeMb = minFreeMb;
        this.usableBytes = usableBytes;
    }

    /** Free space as the file system reports it to this user. */
    static long usableSpace(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public Finding run() {
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            return Finding.fail(SUBJECT, dir + " không phải thư mục (not a directory)");
        }
        if (!Files.isWritable(existing)) {
            return Finding.fail(SUBJECT, "không ghi được vào " + existing + " (not writable) với người dùng "
                    + System.getProperty("user.name") + ": sudo chown -R loa:loa " + dir
                    + ", hoặc chạy bằng người dùng loa (sudo -u loa loa doctor)");
        }
        String where = Files.exists(dir) ? dir.toString() : dir + " (sẽ được tạo khi chạy lần đầu / made at first start)";
        if (Files.exists(dir)) {
            try {
                Files.delete(Files.createTempFile(dir, ".doctor-", ".tmp"));
            } catch (IOException e) {
                return Finding.fail(SUBJECT, "không ghi được vào " + dir + " (not writable): " + e.getMessage());
            }
        }
        long freeMb = usableBytes.applyAsLong(existing) / (1024 * 1024);
        if (freeMb < 0) {
            return Finding.warn(SUBJECT, where + ": không đọc được dung lượng trống (free space unknown)");
        }
        if (freeMb < minFreeMb) {
            return Finding.fail(SUBJECT, where + ": còn " + freeMb + " MB trống, dưới mức " + minFreeMb
                    + " MB (disk.min.free): Loa từ chối tải tệp lên; hãy dọn ổ đĩa (free space low)");
        }
        if (freeMb < 4 * minFreeMb) {
            return Finding.warn(SUBJECT, where + ": còn " + freeMb + " MB trống, sắp tới mức " + minFreeMb
                    + " MB (disk.min.free)");
        }
        return Finding.ok(SUBJECT, where + ", ghi được, còn " + freeMb + " MB trống (free)");
    }
}
