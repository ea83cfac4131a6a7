package vn.loa.scheduler;

import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;

/** The Quartz job of every programme item: a thin adapter that tells the {@link Firing} service the item is due. */
public final class AiringJob implements Job {

    static final String FIRING = "loa.firing";

    @Override
    public void execute(JobExecutionContext context) {
        Firing firing;
        try {
            firing = (Firing) context.getScheduler().getContext().get(FIRING);
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
        firing.fire(context.getJobDetail().getKey().getName(), context.getScheduledFireTime().toInstant(),
                context.getFireTime().toInstant());
    }
}
