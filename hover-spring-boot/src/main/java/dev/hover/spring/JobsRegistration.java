package dev.hover.spring;

import dev.hover.runtime.api.JobDataCodec;
import dev.hover.runtime.api.JobFactory;
import dev.hover.runtime.api.Jobs;

/**
 * Hands the context's job factory (and data codec, when the application has one) to the runtime
 * while the context starts, before the queue function takes its first event. The runtime holds one
 * factory per JVM: the context started last wins.
 */
final class JobsRegistration {
    JobsRegistration(JobFactory factory, JobDataCodec codec) {
        Jobs.useFactory(factory);
        if (codec != null) {
            Jobs.useDataCodec(codec);
        }
    }
}
