package cn.yibao.terminal.devices;

import java.util.Optional;

/**
 * What happened to a print job.
 *
 * @param printed true if the printer took the job
 * @param problem why it did not, when it did not
 * @param pending the number of jobs waiting to be reprinted after this one
 */
public record PrintOutcome(boolean printed, Optional<DeviceProblem> problem, int pending) {

    public PrintOutcome {
        if (printed == problem.isPresent()) {
            throw new IllegalArgumentException("a job is either printed or has a problem");
        }
        if (pending < 0) {
            throw new IllegalArgumentException("pending < 0");
        }
    }
}
