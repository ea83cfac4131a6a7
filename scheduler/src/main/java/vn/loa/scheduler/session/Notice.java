package vn.loa.scheduler.session;

import java.time.Duration;

/** An approved notice waiting for a session, with the length its speech is expected to take. */
public record Notice(long id, String title, Duration length) {
}
