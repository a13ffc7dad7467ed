package dev.hover.runtime.queue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.hover.runtime.api.JobDataCodec;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The built-in job data codec, on jackson-core alone (no data binding library to load at cold
 * start). It maps records, component by component, and these values inside them: String, the
 * primitives and their boxes, BigDecimal, BigInteger, enums (by name), UUID, Instant, LocalDate,
 * LocalDateTime, LocalTime, OffsetDateTime and Duration (ISO-8601 strings), Optional, List, Set and
 * Map with String keys. A record component missing from the JSON reads as null (0 or false for a
 * primitive, empty for an Optional); fields the record no longer has are ignored, so data survives
 * a deploy that adds or removes a component.
 */
final class RecordJsonCodec implements JobDataCodec {
    private static final JsonFactory JSON = new JsonFactory();
    private static final Map<Class<?>, Function<String, Object>> TEXT_VALUES = Map.of(
            UUID.class, UUID::fromString,
            Instant.class, Instant::parse,
            LocalDate.class, LocalDate::parse,
            LocalDateTime.class, LocalDateTime::parse,
            LocalTime.class, LocalTime::parse,
            OffsetDateTime.class, OffsetDateTime::parse,
            Duration.class, Duration::parse);

    private static final Set<Class<?>> OTHER_MAPPED = Set.of(String.class, Boolean.class, Integer.class, Long.class,
            Short.class, Byte.class, Double.class, Float.class, Character.class, BigDecimal.class, BigInteger.class,
            Optional.class, List.class, Set.class, Collection.class, Map.class, Void.class);

    private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return new RecordShape(type);
        }
    };

    @Override
    public String toJson(Object data, Type type) throws IOException {
        StringWriter json = new StringWriter();
        try (JsonGenerator out = JSON.createGenerator(json)) {
            write(out, data, type, "data");
        }
        return json.toString();
    }

    @Override
    public Object fromJson(String json, Type type) throws IOException {
        try (JsonParser in = JSON.createParser(json)) {
            in.nextToken();
            return read(in, type, "data");
        }
    }

    private void write(JsonGenerator out, Object value, Type type, String path) throws IOException {
        Class<?> raw = rawClass(type, path);
        if (!maps(raw)) {
            // checked on the declared type, so what is written can be read back
            throw unsupported(raw, path);
        }
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String || value instanceof Character) {
            out.writeString(value.toString());
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            out.writeNumber(((Number) value).doubleValue());
        } else if (value instanceof BigDecimal d) {
            out.writeNumber(d);
        } else if (value instanceof BigInteger i) {
            out.writeNumber(i);
        } else if (value instanceof Enum<?> e) {
            out.writeString(e.name());
        } else if (TEXT_VALUES.containsKey(value.getClass())) {
            out.writeString(value.toString());
        } else if (value instanceof Optional<?> optional) {
            write(out, optional.orElse(null), typeArgument(type, 0, path), path);
        } else if (value instanceof Collection<?> items && (raw == List.class || raw == Set.class || raw == Collection.class)) {
            Type itemType = typeArgument(type, 0, path);
            out.writeStartArray();
            int index = 0;
            for (Object item : items) {
                write(out, item, itemType, path + "[" + index++ + "]");
            }
            out.writeEndArray();
        } else if (value instanceof Map<?, ?> map && raw == Map.class) {
            requireStringKeys(type, path);
            Type valueType = typeArgument(type, 1, path);
            out.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.writeFieldName((String) entry.getKey());
                write(out, entry.getValue(), valueType, path + "." + entry.getKey());
            }
            out.writeEndObject();
        } else if (value instanceof Record) {
            RecordShape shape = SHAPES.get(value.getClass());
            out.writeStartObject();
            for (int i = 0; i < shape.components.length; i++) {
                RecordComponent component = shape.components[i];
                out.writeFieldName(component.getName());
                write(out, shape.get(value, i), component.getGenericType(), path + "." + component.getName());
            }
            out.writeEndObject();
        } else {
            throw unsupported(value.getClass(), path);
        }
    }

    private Object read(JsonParser in, Type type, String path) throws IOException {
        Class<?> raw = rawClass(type, path);
        JsonToken token = in.currentToken();
        if (raw == Optional.class) {
            return Optional.ofNullable(read(in, typeArgument(type, 0, path), path));
        }
        if (token == JsonToken.VALUE_NULL) {
            if (raw.isPrimitive()) {
                throw mismatch(path, raw, in);
            }
            return null;
        }
        if (raw == String.class) {
            return expect(in, token == JsonToken.VALUE_STRING, path, raw).getText();
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return expect(in, token.isBoolean(), path, raw).getBooleanValue();
        }
        if (raw == int.class || raw == Integer.class) {
            return expect(in, token == JsonToken.VALUE_NUMBER_INT, path, raw).getIntValue();
        }
        if (raw == long.class || raw == Long.class) {
            return expect(in, token == JsonToken.VALUE_NUMBER_INT, path, raw).getLongValue();
        }
        if (raw == short.class || raw == Short.class) {
            return expect(in, token == JsonToken.VALUE_NUMBER_INT, path, raw).getShortValue();
        }
        if (raw == byte.class || raw == Byte.class) {
            return expect(in, token == JsonToken.VALUE_NUMBER_INT, path, raw).getByteValue();
        }
        if (raw == double.class || raw == Double.class) {
            return expect(in, token.isNumeric(), path, raw).getDoubleValue();
        }
        if (raw == float.class || raw == Float.class) {
            return expect(in, token.isNumeric(), path, raw).getFloatValue();
        }
        if (raw == char.class || raw == Character.class) {
            String text = expect(in, token == JsonToken.VALUE_STRING && in.getTextLength() == 1, path, raw).getText();
            return text.charAt(0);
        }
        if (raw == BigDecimal.class) {
            return expect(in, token.isNumeric(), path, raw).getDecimalValue();
        }
        if (raw == BigInteger.class) {
            return expect(in, token == JsonToken.VALUE_NUMBER_INT, path, raw).getBigIntegerValue();
        }
        if (raw.isEnum()) {
            return enumValue(raw, expect(in, token == JsonToken.VALUE_STRING, path, raw).getText(), path);
        }
        Function<String, Object> parse = TEXT_VALUES.get(raw);
        if (parse != null) {
            String text = expect(in, token == JsonToken.VALUE_STRING, path, raw).getText();
            try {
                return parse.apply(text);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(path + ": '" + text + "' is not a " + raw.getSimpleName(), e);
            }
        }
        if (raw == List.class || raw == Collection.class || raw == Set.class) {
            expect(in, token == JsonToken.START_ARRAY, path, raw);
            Type itemType = typeArgument(type, 0, path);
            List<Object> items = new ArrayList<>();
            while (in.nextToken() != JsonToken.END_ARRAY) {
                items.add(read(in, itemType, path + "[" + items.size() + "]"));
            }
            return raw == Set.class
                    ? Collections.unmodifiableSet(new LinkedHashSet<>(items))
                    : Collections.unmodifiableList(items);
        }
        if (raw == Map.class) {
            requireStringKeys(type, path);
            expect(in, token == JsonToken.START_OBJECT, path, raw);
            Type valueType = typeArgument(type, 1, path);
            Map<String, Object> map = new LinkedHashMap<>();
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String key = in.currentName();
                in.nextToken();
                map.put(key, read(in, valueType, path + "." + key));
            }
            return Collections.unmodifiableMap(map);
        }
        if (raw.isRecord()) {
            expect(in, token == JsonToken.START_OBJECT, path, raw);
            return readRecord(in, SHAPES.get(raw), path);
        }
        throw unsupported(raw, path);
    }

    private Object readRecord(JsonParser in, RecordShape shape, String path) throws IOException {
        Object[] values = new Object[shape.components.length];
        boolean[] seen = new boolean[values.length];
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            Integer index = shape.indexes.get(in.currentName());
            in.nextToken();
            if (index == null) {
                in.skipChildren();
            } else {
                RecordComponent component = shape.components[index];
                values[index] = read(in, component.getGenericType(), path + "." + component.getName());
                seen[index] = true;
            }
        }
        for (int i = 0; i < values.length; i++) {
            if (!seen[i]) {
                values[i] = missing(shape.components[i].getType());
            }
        }
        return shape.create(values, path);
    }

    private static boolean maps(Class<?> type) {
        return type.isPrimitive() || type.isEnum() || type.isRecord() || TEXT_VALUES.containsKey(type)
                || OTHER_MAPPED.contains(type);
    }

    private static Object missing(Class<?> type) {
        if (type == Optional.class) {
            return Optional.empty();
        }
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return '\0';
        }
        return java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(type, 1), 0);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String name, String path) {
        try {
            return Enum.valueOf((Class<? extends Enum>) type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": '" + name + "' is not one of "
                    + List.of(type.getEnumConstants()), e);
        }
    }

    private static JsonParser expect(JsonParser in, boolean ok, String path, Class<?> type) throws IOException {
        if (!ok) {
            throw mismatch(path, type, in);
        }
        return in;
    }

    private static IllegalArgumentException mismatch(String path, Class<?> type, JsonParser in) throws IOException {
        return new IllegalArgumentException(path + ": expected " + type.getSimpleName() + ", found "
                + (in.currentToken().isScalarValue() ? in.getText() : in.currentToken().asString()));
    }

    private static IllegalArgumentException unsupported(Class<?> type, String path) {
        return new IllegalArgumentException(path + ": " + type.getName() + " is not a type the built-in job data codec maps"
                + " (records, String, numbers, booleans, enums, UUID, java.time values, Optional, List, Set, Map<String, …>);"
                + " use a record, or register a JobDataCodec (Jobs.useDataCodec)");
    }

    private static Class<?> rawClass(Type type, String path) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalArgumentException(path + ": the built-in job data codec needs a concrete type, not " + type.getTypeName());
    }

    private static Type typeArgument(Type type, int index, String path) {
        if (type instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[index];
        }
        throw new IllegalArgumentException(path + ": " + type.getTypeName() + " needs its type arguments (e.g. List<String>, not List)");
    }

    private static void requireStringKeys(Type type, String path) {
        if (typeArgument(type, 0, path) != String.class) {
            throw new IllegalArgumentException(path + ": map keys must be String for the built-in job data codec, not "
                    + typeArgument(type, 0, path).getTypeName());
        }
    }

    /** A record class's components and its canonical constructor, looked up once per class. */
    private static final class RecordShape {
        final RecordComponent[] components;
        final Map<String, Integer> indexes = new LinkedHashMap<>();
        private final Method[] accessors;
        private final Constructor<?> constructor;

        RecordShape(Class<?> type) {
            components = type.getRecordComponents();
            accessors = new Method[components.length];
            Class<?>[] parameterTypes = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
                parameterTypes[i] = components[i].getType();
                indexes.put(components[i].getName(), i);
            }
            try {
                constructor = type.getDeclaredConstructor(parameterTypes);
                constructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("record " + type.getName() + " has no canonical constructor", e);
            }
        }

        Object get(Object record, int index) {
            try {
                return accessors[index].invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + components[index], e);
            }
        }

        Object create(Object[] values, String path) {
            try {
                return constructor.newInstance(values);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw new IllegalArgumentException(path + ": " + constructor.getDeclaringClass().getSimpleName()
                        + " rejected its data: " + e.getCause(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create " + constructor.getDeclaringClass().getName(), e);
            }
        }
    }
}
