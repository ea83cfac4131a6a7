package vn.loa.server.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Marks an IT class that runs with no other IT beside it. The server's ITs run in several forked JVMs at once (ADR
 * 0036); a class tagged {@code alone} runs after them, in failsafe's {@code alone} execution, one class at a time. For
 * classes that assert a latency (a busy machine fails them) or change what the whole machine shares (network
 * namespaces, routes): say which in {@link #value}. In that execution classes may run side by side ({@link
 * RunsWhenQuiet}); a {@code @RunsAlone} class is {@link Isolated}: nothing runs beside it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("alone")
@Isolated
public @interface RunsAlone {

    /** Why the class cannot run beside another, e.g. "asserts a first packet within 500 ms". */
    String value();
}
