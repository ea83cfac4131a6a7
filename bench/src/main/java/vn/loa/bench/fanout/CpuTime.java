package vn.loa.bench.fanout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The CPU time (user + system) a process has used so far, read from {@code /proc/<pid>/stat}. */
public final class CpuTime {

    /** Clock ticks per second in {@code /proc}; 100 on every Linux this runs on (getconf CLK_TCK). */
    private static final long TICKS_PER_SECOND = 100;

    private CpuTime() {
    }

    /** CPU seconds of process {@code pid}: its threads', not its waited-for children's. */
    public static double seconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long utime = Long.parseLong(fields[11]);
            long stime = Long.parseLong(fields[12]);
            return (utime + stime) / (double) TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CPU time of process " + pid, e);
        }
    }

    static double self() {
        return seconds(ProcessHandle.current().pid());
    }
}
