package dev.hover.runtime.queue;

import dev.hover.runtime.api.Job;
import dev.hover.runtime.api.JobContext;
import org.junit.jupiter.api.Test;

import java.lang.reflect.ParameterizedType;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobTypesTest {

    record Invoice(long id) {
    }

    static final class Direct implements Job<Invoice> {
        @Override
        public void handle(Invoice data, JobContext context) {
        }
    }

    abstract static class Base<T> implements Job<T> {
    }

    static final class ThroughASuperclass extends Base<Invoice> {
        @Override
        public void handle(Invoice data, JobContext context) {
        }
    }

    interface MailJob<M> extends Job<M> {
    }

    static final class ThroughAnInterface implements MailJob<List<String>> {
        @Override
        public void handle(List<String> data, JobContext context) {
        }
    }

    @SuppressWarnings("rawtypes")
    static final class Raw implements Job {
        @Override
        public void handle(Object data, JobContext context) {
        }
    }

    static class Open<T> implements Job<T> {
        @Override
        public void handle(T data, JobContext context) {
        }
    }

    @Test
    void findsTheDataTypeWhereverTheJobNamesIt() {
        assertThat(JobTypes.dataType(Direct.class)).isEqualTo(Invoice.class);
        assertThat(JobTypes.dataType(ThroughASuperclass.class)).isEqualTo(Invoice.class);
        ParameterizedType list = (ParameterizedType) JobTypes.dataType(ThroughAnInterface.class);
        assertThat(list.getRawType()).isEqualTo(List.class);
        assertThat(list.getActualTypeArguments()).containsExactly(String.class);
    }

    @Test
    void aJobThatLeavesItsDataTypeOpenIsRefused() {
        assertThatThrownBy(() -> JobTypes.dataType(Raw.class))
                .hasMessageStartingWith("cannot tell the data type of job " + Raw.class.getName());
        assertThatThrownBy(() -> JobTypes.dataType(Open.class))
                .hasMessageContaining("it must implement Job<YourData> with a concrete type");
    }
}
