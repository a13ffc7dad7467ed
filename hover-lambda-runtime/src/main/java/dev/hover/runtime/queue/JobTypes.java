package dev.hover.runtime.queue;

import dev.hover.runtime.api.Job;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/** Finds a job class's data type: the {@code D} of the {@code Job<D>} it implements. */
final class JobTypes {
    private static final ClassValue<Type> DATA_TYPES = new ClassValue<>() {
        @Override
        protected Type computeValue(Class<?> jobClass) {
            Map<TypeVariable<?>, Type> bindings = new HashMap<>();
            for (Class<?> c = jobClass; c != null; c = c.getSuperclass()) {
                for (Type implemented : c.getGenericInterfaces()) {
                    Type found = search(implemented, bindings);
                    if (found != null) {
                        return found;
                    }
                }
                bind(c.getGenericSuperclass(), bindings);
            }
            throw new IllegalArgumentException(jobClass.getName() + " does not implement " + Job.class.getName());
        }
    };

    private JobTypes() {
    }

    /** @throws IllegalArgumentException when {@code jobClass} leaves {@code D} open */
    static Type dataType(Class<?> jobClass) {
        Type type = DATA_TYPES.get(jobClass);
        if (type instanceof TypeVariable<?>) {
            throw new IllegalArgumentException("cannot tell the data type of job " + jobClass.getName()
                    + ": it must implement Job<YourData> with a concrete type, directly or through a superclass");
        }
        return type;
    }

    private static Type search(Type implemented, Map<TypeVariable<?>, Type> bindings) {
        Class<?> raw = implemented instanceof ParameterizedType p ? (Class<?>) p.getRawType()
                : implemented instanceof Class<?> c ? c : null;
        if (raw == null) {
            return null;
        }
        bind(implemented, bindings);
        if (raw == Job.class) {
            // a raw Job leaves D unknown: report it like an open type variable
            return implemented instanceof ParameterizedType p ? resolve(p.getActualTypeArguments()[0], bindings)
                    : Job.class.getTypeParameters()[0];
        }
        for (Type parent : raw.getGenericInterfaces()) {
            Type found = search(parent, bindings);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static void bind(Type type, Map<TypeVariable<?>, Type> bindings) {
        if (type instanceof ParameterizedType p) {
            TypeVariable<?>[] variables = ((Class<?>) p.getRawType()).getTypeParameters();
            Type[] arguments = p.getActualTypeArguments();
            for (int i = 0; i < variables.length; i++) {
                bindings.put(variables[i], resolve(arguments[i], bindings));
            }
        }
    }

    private static Type resolve(Type type, Map<TypeVariable<?>, Type> bindings) {
        Type resolved = type;
        while (resolved instanceof TypeVariable<?> variable && bindings.containsKey(variable)) {
            resolved = bindings.get(variable);
        }
        return resolved;
    }
}
