package vn.loa.scheduler;

import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * The programme clock: a Quartz scheduler whose JDBC job store lives in Loa's own database, holding one job and one
 * trigger per programme item. Plans survive a restart (even a killed process) because they are rows, and Quartz marks
 * a firing in the same transaction that acquires it, so nothing fires twice.
 *
 * <p>Thread-safe; every method blocks on the database.
 */
public final class ProgrammeClock implements AutoCloseable {

    static final String GROUP = "programme";
    private static final java.util.concurrent.atomic.AtomicInteger DATA_SOURCES =
            new java.util.concurrent.atomic.AtomicInteger();

    private final Scheduler quartz;

    private ProgrammeClock(Scheduler quartz) {
        this.quartz = quartz;
    }

    /**
     * Opens the clock without starting it: plans can be made, nothing fires until {@link #start}. The server builds
     * everything that hears of firings first and starts the clock last.
     */
    public static ProgrammeClock open(ClockSettings settings, Firing firing) {
        Scheduler quartz = null;
        try {
            quartz = new StdSchedulerFactory(properties(settings)).getScheduler();
            // Quartz keeps schedulers in a JVM-wide map by name; several Loa servers in one JVM (tests) must not
            // share one, so this clock keeps its scheduler to itself.
            SchedulerRepository.getInstance().remove(quartz.getSchedulerName());
            quartz.getContext().put(AiringJob.FIRING, firing);
            // Before start: Quartz reports the misfires it finds while recovering at start-up.
            quartz.getListenerManager().addTriggerListener(new MisfireReport(firing),
                    GroupMatcher.triggerGroupEquals(GROUP));
            return new ProgrammeClock(quartz);
        } catch (SchedulerException | RuntimeException e) {
            if (quartz != null) {
                try {
                    quartz.shutdown(false);
                } catch (SchedulerException ignored) {
                    // already failing: the start-up error below is the one to report
                }
            }
            throw new IllegalStateException("the programme clock (Quartz) cannot start: " + e.getMessage(), e);
        }
    }

    /** Starts firing; airings due while the clock was down are fired late or reported missed (see {@link ClockSettings}). */
    public void start() {
        try {
            quartz.start();
        } catch (SchedulerException e) {
            close();
            throw new IllegalStateException("the programme clock (Quartz) cannot start: " + e.getMessage(), e);
        }
    }

    static Properties properties(ClockSettings s) {
        // Quartz registers data sources JVM-wide by name too: each clock gets its own name.
        String dataSource = "loa" + DATA_SOURCES.incrementAndGet();
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "loa");
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", String.valueOf(s.threads()));
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", s.isPostgres()
                ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate" : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", dataSource);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        // Job data as strings, not serialised Java objects: the rows stay readable and survive class changes.
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        p.setProperty("org.quartz.jobStore.isClustered", String.valueOf(s.clustered()));
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        if (s.clustered()) {
            // A server takes a trigger at most a second before it is due, and checks in every second: one that dies
            // holds no item long before its time, and the others notice it soon (Quartz adds 7.5 s of grace).
            p.setProperty("org.quartz.scheduler.idleWaitTime", "1000");
            p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "1000");
        }
        // Within this limit a late trigger fires normally (and knows its due time); beyond it, it has misfired.
        p.setProperty("org.quartz.jobStore.misfireThreshold", String.valueOf(s.lateLimit().toMillis()));
        p.setProperty("org.quartz.dataSource." + dataSource + ".provider", "hikaricp");
        p.setProperty("org.quartz.dataSource." + dataSource + ".driver",
                s.isPostgres() ? "org.postgresql.Driver" : "org.h2.Driver");
        p.setProperty("org.quartz.dataSource." + dataSource + ".URL", s.jdbcUrl());
        p.setProperty("org.quartz.dataSource." + dataSource + ".user", s.user() == null ? "" : s.user());
        p.setProperty("org.quartz.dataSource." + dataSource + ".password", s.password() == null ? "" : s.password());
        p.setProperty("org.quartz.dataSource." + dataSource + ".maxConnections", String.valueOf(s.threads() + 3));
        return p;
    }

    /** Plans an item, replacing any earlier plan of the same item. */
    public void plan(String item, Recurrence recurrence) {
        JobDetail job = JobBuilder.newJob(AiringJob.class).withIdentity(item, GROUP).build();
        try {
            quartz.scheduleJob(job, Set.of(trigger(item, recurrence)), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot plan " + item + ": " + e.getMessage(), e);
        }
    }

    /**
     * The trigger of an item. A repeating one starts at its first airing's second rounded up: Quartz takes a cron
     * trigger's first fire time from a second before its start, so a start of 10:39:50.4 under "0/10" would air at
     * 10:39:50, before the notice's time and before what the programme grid ({@link Recurrence}) shows.
     */
    static Trigger trigger(String item, Recurrence recurrence) {
        TriggerBuilder<Trigger> trigger = TriggerBuilder.newTrigger().withIdentity(item, GROUP)
                .forJob(JobKey.jobKey(item, GROUP));
        TriggerBuilder<? extends Trigger> built;
        if (recurrence.isRepeating()) {
            built = trigger.startAt(recurrence.at() == null ? new Date() : Date.from(wholeSecondUp(recurrence.at())))
                    .endAt(recurrence.until() == null ? null : Date.from(recurrence.until()))
                    .withSchedule(CronScheduleBuilder.cronSchedule(recurrence.expression())
                            .inTimeZone(TimeZone.getTimeZone(Recurrence.STATION_ZONE))
                            // Past the late limit an airing is skipped; the next one keeps its time.
                            .withMisfireHandlingInstructionDoNothing());
        } else {
            built = trigger.startAt(Date.from(recurrence.at()))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withMisfireHandlingInstructionNextWithRemainingCount());
        }
        return built.build();
    }

    private static Instant wholeSecondUp(Instant at) {
        Instant second = at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return second.equals(at) ? at : second.plusSeconds(1);
    }

    /** Forgets an item's plan; true when there was one. */
    public boolean unplan(String item) {
        try {
            return quartz.deleteJob(JobKey.jobKey(item, GROUP));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot unplan " + item + ": " + e.getMessage(), e);
        }
    }

    /** The items that have a plan (one query), for reconciling with the programme grid at start-up. */
    public Set<String> plannedItems() {
        try {
            return quartz.getJobKeys(GroupMatcher.jobGroupEquals(GROUP)).stream().map(JobKey::getName)
                    .collect(Collectors.toSet());
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** When an item fires next, if it still will. */
    public java.util.Optional<Instant> nextAiring(String item) {
        try {
            Trigger t = quartz.getTrigger(org.quartz.TriggerKey.triggerKey(item, GROUP));
            return t == null || t.getNextFireTime() == null ? java.util.Optional.empty()
                    : java.util.Optional.of(t.getNextFireTime().toInstant());
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            quartz.shutdown(false);
        } catch (SchedulerException e) {
            // Closing on the way out: nothing left to do with the error.
        }
    }
}
