package vn.loa.server.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks an IT class that must not run beside the forks' heavy classes, yet may run beside another such class: it races
 * deadlines seconds away on the wall clock (a schedule time across a kill and a restart) that a machine busy with
 * three forks misses, while a few servers that mostly wait do not. It runs after the forks, in failsafe's {@code alone}
 * execution (ADR 0036), beside the other {@code @RunsWhenQuiet} classes and never beside a {@link RunsAlone} one. Say
 * which deadline in {@link #value}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("alone")
public @interface RunsWhenQuiet {

    /** Which deadline a busy machine misses, e.g. "a notice 20 s ahead fetched across a kill and a restart". */
    String value();
}
