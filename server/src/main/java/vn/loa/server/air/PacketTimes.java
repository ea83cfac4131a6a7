package vn.loa.server.air;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import vn.loa.core.media.DataUse;
import vn.loa.server.access.Action;
import vn.loa.server.access.Caller;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.refusal.Refusal;
import vn.loa.server.zone.ZoneGuard;

/**
 * A zone's Opus packet time for its speakers on 4G (issue 21, ADR 0054, 0058): 20 ms (the default), 40 or 60 ms,
 * for third-party Opus speakers and Loa's agents alike. Streams opened after a change use it; the data each way
 * costs per speaker-hour comes from {@link DataUse} on real Vietnamese speech, measured once. Blocking (JDBC,
 * speech); call it on a worker.
 */
public final class PacketTimes {

    /** The packet times a zone may choose. */
    public static final List<Integer> ALLOWED = List.of(20, 40, 60);

    private final Jdbi jdbi;
    private final ZoneGuard zones;
    private final AuditLog audit;
    private final java.util.function.Supplier<short[]> speech;
    private volatile List<DataUse.Row> measured;
    private final java.util.function.Consumer<String> changed;

    /**
     * @param speech a stretch of real speech, mono at 48 kHz, to measure Opus packets on (made once, at first use)
     * @param changed told, with the zone id, after a zone's packet time changed (its agents are welcomed again)
     */
    public PacketTimes(Jdbi jdbi, ZoneGuard zones, AuditLog audit, java.util.function.Supplier<short[]> speech,
            java.util.function.Consumer<String> changed) {
        this.changed = changed;
        this.jdbi = jdbi;
        this.zones = zones;
        this.audit = audit;
        this.speech = speech;
    }

    public int of(Caller caller, String zone) {
        return jdbi.withHandle(h -> {
            zones.inScope(h, caller, zone);
            return AirTargets.opusPacketTime(h, zone);
        });
    }

    public void set(Caller caller, String zone, int millis) {
        if (!caller.may(Action.MANAGE_ZONES)) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "forbidden", "Chỉ kỹ thuật viên hoặc quản trị đổi được cách gửi "
                    + "của khu vực / only technicians and admins change a zone's packet time");
        }
        if (!ALLOWED.contains(millis)) {
            throw Refusal.invalid("invalid_packet_time", "Thời lượng gói Opus là 20, 40 hoặc 60 ms / the Opus packet "
                    + "time is 20, 40 or 60 ms", "opusPacketTime");
        }
        boolean moved = jdbi.inTransaction(h -> {
            zones.inScope(h, caller, zone);
            if (AirTargets.opusPacketTime(h, zone) == millis) {
                return false;
            }
            h.createUpdate("UPDATE zone SET opus_ptime = :ms WHERE id = :id").bind("ms", millis).bind("id", zone)
                    .execute();
            audit.record(h, caller, "zone.packet-time", "zone:" + zone, "Opus " + millis + " ms");
            return true;
        });
        if (moved) {
            changed.accept(zone);
        }
    }

    /** A few sentences of a commune notice: the speech Opus packets are measured on. */
    public static final String SAMPLE_TEXT = "Ủy ban nhân dân xã thông báo: sáng thứ bảy ngày mười hai tháng mười hai, "
            + "tổ chức tiêm phòng dại cho chó mèo tại nhà văn hóa các thôn. Đề nghị bà con đưa vật nuôi đến đúng giờ. "
            + "Trân trọng thông báo.";

    /** {@link #SAMPLE_TEXT} spoken by {@code speech}, at Opus's 48 kHz. Blocks. */
    public static short[] sample(OnAir.Speech speech) {
        OnAir.Spoken spoken = speech.speak(SAMPLE_TEXT, null, "/");
        return to48k(spoken.samples(), spoken.sampleRate());
    }

    /** Mono samples at {@code rate} resampled to Opus's 48 kHz. */
    public static short[] to48k(short[] samples, int rate) {
        vn.loa.wire.pcm.Resampler resampler = new vn.loa.wire.pcm.Resampler(rate,
                vn.loa.wire.codec.OpusAudioEncoder.SAMPLE_RATE);
        short[] head = resampler.process(new vn.loa.wire.pcm.PcmFrame(samples, rate, 0)).samples();
        short[] tail = resampler.flush().samples();
        short[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    /** Bytes per speaker-hour on air for each codec and packet time. */
    public List<DataUse.Row> dataUse() {
        List<DataUse.Row> rows = measured;
        if (rows == null) {
            rows = DataUse.of(speech.get());
            measured = rows;
        }
        return rows;
    }
}
