package dev.hover.plugin.local.sample;

import dev.hover.runtime.api.Job;
import dev.hover.runtime.api.JobContext;

/** A job of {@link RunSampleApp}: charges an order, or fails every try when the order says so. */
public final class ChargeJob implements Job<ChargeJob.Order> {
    public record Order(long order, boolean fail) {
    }

    @Override
    public void handle(Order order, JobContext context) {
        if (order.fail()) {
            throw new IllegalStateException("the payment provider refused order " + order.order() + " (try " + context.attempt() + ")");
        }
        System.out.println("charged order " + order.order());
    }

    @Override
    public void failed(Order order, Throwable cause, JobContext context) {
        System.out.println("order " + order.order() + " failed for good: " + cause.getMessage());
    }
}
