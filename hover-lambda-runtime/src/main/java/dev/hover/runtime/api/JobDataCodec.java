package dev.hover.runtime.api;

import java.lang.reflect.Type;

/**
 * Maps job data to JSON and back when the built-in record codec is not enough: e.g. an application
 * that already configures Jackson's ObjectMapper registers
 * {@code Jobs.useDataCodec(new JobDataCodec() { … mapper.writeValueAsString(data) … })}, or lists a
 * class in {@code META-INF/services/dev.hover.runtime.api.JobDataCodec}.
 */
public interface JobDataCodec {

    /** @return one JSON value (object, array, string, number, boolean or null) */
    String toJson(Object data, Type type) throws Exception;

    /** @param json what {@link #toJson} wrote */
    Object fromJson(String json, Type type) throws Exception;
}
