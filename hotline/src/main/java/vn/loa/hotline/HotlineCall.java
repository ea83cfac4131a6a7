package vn.loa.hotline;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One answered call and its voice menu: PIN, then 1 live to every zone, 2 choose a zone, 3 a prepared alert, 9 cancel.
 *
 * <p>Key presses arrive from the RTP and SIP threads and are handled in order on the call's own thread, because an
 * action may block (speech synthesis, putting the caller on air). The state changes only there.
 */
final class HotlineCall {

    private static final Logger LOG = LoggerFactory.getLogger(HotlineCall.class);
    private static final int MAX_PIN = 12;

    private enum Step { PIN, MENU, ZONE, PRESET, LIVE, ENDED }

    /** How the call asks the SIP side to hang up once the last prompt has played. */
    interface Hangup {
        void hangUp(HotlineCall call);
    }

    private final String id;
    private final String number;
    private final String address;
    private final CallerGate gate;
    private final HotlineActions actions;
    private final Prompts prompts;
    private final MediaPort media;
    private final CallRecording recording;
    private final Hangup hangup;
    private final HotlineMetrics metrics;
    private final Runnable pinAccepted;
    private final Instant started = Instant.now();
    private final long answered = System.nanoTime();
    private final ExecutorService thread;
    private final StringBuilder pin = new StringBuilder();
    private volatile Step step = Step.PIN;
    private HotlineActions.LiveRelay relay;
    private String outcome = "hung_up";
    private volatile long lastPress = System.nanoTime();

    HotlineCall(String id, String number, String address, CallerGate gate, HotlineActions actions, Prompts prompts,
            MediaPort media, CallRecording recording, Hangup hangup, HotlineMetrics metrics, Runnable pinAccepted) {
        this.id = id;
        this.number = number;
        this.address = address;
        this.gate = gate;
        this.actions = actions;
        this.prompts = prompts;
        this.media = media;
        this.recording = recording;
        this.hangup = hangup;
        this.metrics = metrics;
        this.pinAccepted = pinAccepted;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "loa-call-" + id);
            t.setDaemon(true);
            return t;
        });
    }

    String id() {
        return id;
    }

    MediaPort media() {
        return media;
    }

    /** Answered: record the caller and ask for the PIN. */
    void begin() {
        media.onAudio(recording::write);
        media.say(prompts.get(VoiceMenu.PIN));
    }

    /** A key press, from RFC 4733 or SIP INFO. */
    void press(char digit) {
        lastPress = System.nanoTime();
        long at = lastPress;
        thread.execute(() -> handle(digit, at));
    }

    /**
     * Hangs up a call that waited too long for a key, or that has not had its PIN accepted within {@code pinTimeout}
     * of being answered however many keys it pressed (checked by the hotline's timer): a call parked at the PIN
     * prompt holds a slot for that long at most.
     */
    void checkIdle(long keyTimeoutNanos, long pinTimeoutNanos) {
        long now = System.nanoTime();
        boolean pinLate = step == Step.PIN && now - answered > pinTimeoutNanos;
        if (pinLate || now - lastPress > keyTimeoutNanos) {
            thread.execute(() -> {
                if (step == Step.PIN && System.nanoTime() - answered > pinTimeoutNanos) {
                    outcome = "timeout";
                    metrics.pinTimeouts.incrementAndGet();
                    finish(VoiceMenu.GOODBYE);
                } else if (step != Step.LIVE && step != Step.ENDED && !media.speaking()
                        && System.nanoTime() - lastPress > keyTimeoutNanos) {
                    outcome = "timeout";
                    finish(VoiceMenu.GOODBYE);
                }
            });
        }
    }

    private void handle(char digit, long at) {
        try {
            media.hush();
            switch (step) {
                case PIN -> pinDigit(digit);
                case MENU -> menu(digit, at);
                case ZONE -> zone(digit, at);
                case PRESET -> preset(digit);
                default -> { }
            }
        } catch (RuntimeException e) {
            LOG.warn("call {} from {}: key {} failed", id, number, digit, e);
            media.say(prompts.get(VoiceMenu.NO_SPEAKER));
        }
    }

    private void pinDigit(char digit) {
        if (digit == '*') {
            pin.setLength(0);
            return;
        }
        if (digit != '#') {
            if (pin.length() < MAX_PIN) {
                pin.append(digit);
            }
            return;
        }
        String entered = pin.toString();
        pin.setLength(0);
        switch (gate.checkPin(number, entered, address)) {
            case ACCEPTED -> {
                step = Step.MENU;
                pinAccepted.run();
                media.say(prompts.get(VoiceMenu.MENU));
            }
            case WRONG -> media.say(prompts.get(VoiceMenu.WRONG_PIN));
            case LOCKED -> {
                outcome = "locked";
                finish(VoiceMenu.LOCKED);
            }
            default -> { }
        }
    }

    private void menu(char digit, long at) {
        switch (digit) {
            case '1' -> live(0, at);
            case '2' -> offer(Step.ZONE, VoiceMenu.choices("Chọn khu vực", actions.zoneNames(number)));
            case '3' -> offer(Step.PRESET, VoiceMenu.choices("Chọn cảnh báo", actions.presetTitles(number)));
            case '9' -> {
                outcome = "cancelled";
                finish(VoiceMenu.GOODBYE);
            }
            default -> media.say(prompts.get(VoiceMenu.MENU));
        }
    }

    private void offer(Step next, String text) {
        step = next;
        media.say(prompts.get(text));
    }

    private void zone(char digit, long at) {
        int choice = digit - '0';
        if (digit == '9') {
            backToMenu();
        } else if (choice >= 1 && choice <= Math.min(8, actions.zoneNames(number).size())) {
            live(choice, at);
        } else {
            media.say(prompts.get(VoiceMenu.NO_CHOICE));
        }
    }

    private void preset(char digit) {
        int choice = digit - '0';
        if (digit == '9') {
            backToMenu();
        } else if (choice >= 1 && choice <= 8 && actions.airPreset(id, number, choice)) {
            outcome = "preset";
            finish(VoiceMenu.PRESET_AIRED);
        } else {
            media.say(prompts.get(VoiceMenu.NO_CHOICE));
        }
    }

    private void backToMenu() {
        step = Step.MENU;
        media.say(prompts.get(VoiceMenu.MENU));
    }

    private void live(int zoneChoice, long at) {
        metrics.lastLiveDigit.set(at);
        HotlineActions.LiveRelay opened = actions.goLive(id, number, zoneChoice);
        if (opened == null) {
            step = Step.MENU;
            media.say(prompts.get(VoiceMenu.NO_SPEAKER));
            return;
        }
        relay = opened;
        step = Step.LIVE;
        outcome = "live";
        media.onAudio(samples -> {
            recording.write(samples);
            opened.offer(samples);
        });
        media.say(prompts.get(VoiceMenu.LIVE));
    }

    /** Says goodbye, then asks the SIP side to hang up. */
    private void finish(String words) {
        step = Step.ENDED;
        media.say(prompts.get(words));
        // Let the last words play out (they are short), then hang up.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
        while (media.speaking() && System.nanoTime() < deadline) {
            sleep(20);
        }
        hangup.hangUp(this);
    }

    /** The call is over (either side hung up): stop the relay, close the recording, report to the gate. */
    void end() {
        thread.execute(() -> {
            step = Step.ENDED;
            if (relay != null) {
                relay.end();
            }
            media.close();
            Path file = null;
            try {
                recording.close();
                file = recording.file();
            } catch (java.io.IOException e) {
                LOG.warn("recording of call {} could not be closed", id, e);
            }
            gate.ended(new CallReport(id, number, address, started, Instant.now(), outcome, file));
        });
        thread.shutdown();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The spoken prompts, made once per text. */
    interface Prompts {
        short[] get(String text);
    }

    @Override
    public String toString() {
        return "call " + id + " from " + number;
    }
}
