package vn.loa.server.doctor;

/** One thing {@code loa doctor} checks; never throws: what goes wrong is a finding. */
@FunctionalInterface
public interface Check {

    Finding run();
}
