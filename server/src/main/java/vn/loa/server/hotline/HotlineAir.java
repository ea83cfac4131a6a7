package vn.loa.server.hotline;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.wire.pcm.PcmFrame;
import vn.loa.wire.pcm.Resampler;
import vn.loa.core.model.Announcement;
import vn.loa.core.model.AnnouncementState;
import vn.loa.core.model.Priority;
import vn.loa.core.model.Schedule;
import vn.loa.hotline.HotlineActions;
import vn.loa.server.air.LiveAir;
import vn.loa.server.air.OnAir;
import vn.loa.server.announcement.AnnouncementDraft;
import vn.loa.server.announcement.AnnouncementService;
import vn.loa.server.announcement.LoaStep;

/**
 * What a hotline caller can do on air, for the leader their number belongs to: speak live to their whole unit or
 * one zone below it (an EMERGENCY announcement with a live source, chime first), or air a prepared alert; and Loa's
 * voice for the menu (the announcer's speech at 8 kHz). Blocking.
 */
final class HotlineAir implements HotlineActions {

    private static final Logger LOG = LoggerFactory.getLogger(HotlineAir.class);

    private final Jdbi jdbi;
    private final HotlineNumbers numbers;
    private final AnnouncementService lifecycle;
    private final LiveAir live;
    private final OnAir.Speech speech;
    private final Map<String, Long> announcements = new ConcurrentHashMap<>();
    private final RelayLatency latency;
    private final HotlineVoices others;

    HotlineAir(Jdbi jdbi, HotlineNumbers numbers, AnnouncementService lifecycle, LiveAir live, OnAir.Speech speech,
            RelayLatency latency, HotlineVoices others) {
        this.others = others;
        this.jdbi = jdbi;
        this.numbers = numbers;
        this.lifecycle = lifecycle;
        this.live = live;
        this.speech = speech;
        this.latency = latency;
    }

    @Override
    public short[] speak(String text) {
        OnAir.Spoken spoken = speech.speak(text, null, "/");
        if (spoken.sampleRate() == CallerVoice.RATE) {
            return spoken.samples();
        }
        Resampler resampler = new Resampler(spoken.sampleRate(), CallerVoice.RATE);
        short[] head = resampler.process(new PcmFrame(spoken.samples(), spoken.sampleRate(), 0)).samples();
        short[] tail = resampler.flush().samples();
        short[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    @Override
    public List<String> zoneNames(String number) {
        return zones(number, "name");
    }

    @Override
    public List<String> presetTitles(String number) {
        return owner(number).map(o -> jdbi.withHandle(h -> h.createQuery("SELECT title FROM hotline_preset "
                + "WHERE unit_id = :u ORDER BY digit").bind("u", o.caller().unitId()).mapTo(String.class).list()))
                .orElse(List.of());
    }

    @Override
    public LiveRelay goLive(String callId, String number, int zoneChoice) {
        var owner = owner(number).orElse(null);
        if (owner == null) {
            return null;
        }
        List<String> zones = zoneChoice == 0 ? List.of(owner.caller().unitId())
                : List.of(zones(number, "id").get(zoneChoice - 1));
        Announcement a = lifecycle.create(owner.caller(), new AnnouncementDraft("Đường dây nóng: " + number, null,
                null, null, zones, Priority.EMERGENCY, null, 1, true, new Schedule(null, null, null)));
        announcements.put(callId, a.id());
        lifecycle.advance(a.id(), LoaStep.HANDED_TO_AIR, "đường dây nóng / hotline");
        List<CallerVoice> voices = new CopyOnWriteArrayList<>();
        boolean aired = live.air(a.withState(AnnouncementState.SCHEDULED, a.updatedAt()), () -> {
            CallerVoice voice = new CallerVoice(latency::record);
            voices.add(voice);
            return voice;
        });
        if (!aired) {
            LOG.warn("hotline call {} from {}: nothing to air to in {}", callId, number, zones);
            return null;
        }
        // In a cluster the members holding the call's other zones air it too (ADR 0049).
        HotlineVoices.Outgoing out = others.publish(a.id());
        return new LiveRelay() {
            @Override
            public void offer(short[] samples8k) {
                voices.forEach(v -> v.offer(samples8k));
                out.offer(samples8k);
            }

            @Override
            public void end() {
                voices.forEach(CallerVoice::end);
                live.ended(a.id());
                out.end();
            }
        };
    }

    @Override
    public boolean airPreset(String callId, String number, int digit) {
        var owner = owner(number).orElse(null);
        if (owner == null) {
            return false;
        }
        var preset = jdbi.withHandle(h -> h.createQuery("SELECT title, body FROM hotline_preset WHERE unit_id = :u "
                        + "ORDER BY digit").bind("u", owner.caller().unitId())
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).list());
        if (digit < 1 || digit > preset.size()) {
            return false;
        }
        Announcement a = lifecycle.create(owner.caller(), new AnnouncementDraft(preset.get(digit - 1)[0],
                preset.get(digit - 1)[1], null, null, List.of(owner.caller().unitId()), Priority.EMERGENCY, null, 2,
                true, new Schedule(null, null, null)));
        announcements.put(callId, a.id());
        lifecycle.broadcast(owner.caller(), a.id());
        return true;
    }

    /** The announcement a call put on air, if any. */
    Long announcementOf(String callId) {
        return announcements.get(callId);
    }

    void forget(String callId) {
        announcements.remove(callId);
    }

    private java.util.Optional<HotlineNumbers.Owner> owner(String number) {
        return jdbi.withHandle(h -> numbers.owner(h, number, "hotline"));
    }

    private List<String> zones(String number, String column) {
        return owner(number).map(o -> jdbi.withHandle(h -> h.createQuery("SELECT " + column + " FROM zone "
                + "WHERE parent_id = :u ORDER BY path").bind("u", o.caller().unitId()).mapTo(String.class).list()))
                .orElse(List.of());
    }
}
