package dev.hover.plugin.aws;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Makes chosen AWS calls fail as AWS refuses them, where moto never would (a version an alias holds, a
 * permission missing on one resource): what a test needs to show a goal reporting what it could not do.
 * Registered for every SDK client of the test JVM the SDK's standard way, like {@code AwsCallRecorder};
 * it does nothing until a test asks for a refusal, and only while the test holds it.
 */
public final class AwsRefusals implements ExecutionInterceptor {
    private record Refusal(String operation, Predicate<SdkRequest> which, Supplier<? extends SdkException> failure) {
    }

    private static final List<Refusal> REFUSALS = new CopyOnWriteArrayList<>();

    /**
     * Until closed, each call of {@code operation} (e.g. {@code DeleteFunction}) whose request {@code which}
     * accepts fails with {@code failure}, before it is sent.
     */
    public static AutoCloseable refuse(String operation, Predicate<SdkRequest> which, Supplier<? extends SdkException> failure) {
        Refusal refusal = new Refusal(operation, which, failure);
        REFUSALS.add(refusal);
        return () -> REFUSALS.remove(refusal);
    }

    /** A request's field as the SDK names it (e.g. {@code Qualifier}), as text; empty when absent. */
    public static String field(SdkRequest request, String name) {
        return request.getValueForField(name, Object.class).map(String::valueOf).orElse("");
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        for (Refusal refusal : REFUSALS) {
            if (refusal.operation().equals(operation) && refusal.which().test(context.request())) {
                throw refusal.failure().get();
            }
        }
    }
}
