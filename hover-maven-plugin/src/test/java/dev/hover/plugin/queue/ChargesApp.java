package dev.hover.plugin.queue;

import dev.hover.runtime.api.Job;
import dev.hover.runtime.api.JobContext;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A queue function's application for the goals' test: its job fails until the file named by
 * {@code CHARGES_FIXED} exists (a bug fixed by a deploy, then the failed jobs retried).
 */
public final class ChargesApp {
    private ChargesApp() {
    }

    public static void main(String[] args) {
        // nothing to start: the runtime runs the jobs
    }

    public static final class ChargeJob implements Job<ChargeJob.Order> {
        public record Order(long order) {
        }

        @Override
        public void handle(Order order, JobContext context) {
            if (!Files.exists(Path.of(System.getenv("CHARGES_FIXED")))) {
                throw new IllegalStateException("the payment provider refused order " + order.order());
            }
            System.out.println("charged order " + order.order());
        }

        @Override
        public void failed(Order order, Throwable cause, JobContext context) {
            System.out.println("order " + order.order() + " failed for good: " + cause.getMessage());
        }
    }
}
