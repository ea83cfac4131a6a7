package vn.loa.scheduler;

import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.quartz.listeners.TriggerListenerSupport;

/**
 * Reports the airings Quartz skips because they are older than the late limit. Quartz calls it with a copy of the
 * trigger taken before it moves on, so the copy still holds the missed time.
 */
final class MisfireReport extends TriggerListenerSupport {

    private final Firing firing;

    MisfireReport(Firing firing) {
        this.firing = firing;
    }

    @Override
    public String getName() {
        return "loa-misfire-report";
    }

    @Override
    public void triggerMisfired(Trigger trigger) {
        if (trigger.getNextFireTime() != null) {
            firing.missed(trigger.getJobKey().getName(), trigger.getNextFireTime().toInstant());
        }
    }

    @Override
    public boolean vetoJobExecution(Trigger trigger, JobExecutionContext context) {
        return false;
    }
}
