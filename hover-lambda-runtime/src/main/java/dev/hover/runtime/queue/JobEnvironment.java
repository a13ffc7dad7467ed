package dev.hover.runtime.queue;

import dev.hover.runtime.api.Job;
import dev.hover.runtime.api.JobDataCodec;
import dev.hover.runtime.api.JobFactory;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.ServiceLoader;

/**
 * How jobs are created and their data mapped: what the application registered
 * ({@link dev.hover.runtime.api.Jobs#useFactory}, {@link dev.hover.runtime.api.Jobs#useDataCodec}),
 * else the first service listed in {@code META-INF/services}, else the defaults (the public no-arg
 * constructor; the built-in record codec). Looked up on first use, when the application has started.
 */
public final class JobEnvironment {
    /** The runtime's: classes are looked up where the thread asking has its context class loader. */
    private static final JobEnvironment SHARED = new JobEnvironment(null);

    private final ClassLoader loader;
    private volatile JobFactory factory;
    private volatile JobDataCodec codec;

    /**
     * @param loader where job classes and services are looked up; null: the asking thread's context
     *               class loader (the runtime sets the application's once it has started)
     */
    public JobEnvironment(ClassLoader loader) {
        this.loader = loader;
    }

    private ClassLoader loader() {
        return loader != null ? loader : Thread.currentThread().getContextClassLoader();
    }

    public static JobEnvironment shared() {
        return SHARED;
    }

    public void useFactory(JobFactory factory) {
        this.factory = factory;
    }

    public void useDataCodec(JobDataCodec codec) {
        this.codec = codec;
    }

    JobFactory factory() {
        if (factory == null) {
            factory = ServiceLoader.load(JobFactory.class, loader()).findFirst().orElse(JobEnvironment::construct);
        }
        return factory;
    }

    JobDataCodec codec() {
        if (codec == null) {
            codec = ServiceLoader.load(JobDataCodec.class, loader()).findFirst().orElseGet(RecordJsonCodec::new);
        }
        return codec;
    }

    /** The job class named in a message, checked to be a job before anything of it runs. */
    Class<?> jobClass(String name) throws InvalidJobMessageException {
        Class<?> type;
        try {
            type = Class.forName(name, false, loader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new InvalidJobMessageException("job class " + name + " is not in this application", e);
        }
        if (!Job.class.isAssignableFrom(type)) {
            throw new InvalidJobMessageException(name + " does not implement " + Job.class.getName());
        }
        return type;
    }

    /** Creates a handler with the application's factory. */
    Job<?> create(Class<?> jobClass) throws Exception {
        Object job = factory().create(jobClass);
        if (!jobClass.isInstance(job)) {
            throw new IllegalStateException("the JobFactory made " + (job == null ? "null" : job.getClass().getName())
                    + " when asked for " + jobClass.getName());
        }
        return (Job<?>) job;
    }

    private static Object construct(Class<?> jobClass) throws ReflectiveOperationException {
        Constructor<?> constructor;
        try {
            constructor = jobClass.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("job class " + jobClass.getName() + " has no public no-arg constructor;"
                    + " give it one, or register a JobFactory (Jobs.useFactory) that creates it", e);
        }
        if (Modifier.isAbstract(jobClass.getModifiers())) {
            throw new IllegalStateException("job class " + jobClass.getName() + " is abstract");
        }
        return constructor.newInstance();
    }
}
