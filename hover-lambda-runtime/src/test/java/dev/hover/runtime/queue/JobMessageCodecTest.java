package dev.hover.runtime.queue;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobMessageCodecTest {

    @Test
    void writesVersionOneWithTheDataAsAJsonValue() throws Exception {
        JobMessage message = new JobMessage("id-1", "com.example.SendInvoice", "{\"invoice\":42}",
                new RetryOverrides(OptionalInt.of(5), Optional.of(List.of(10, 60)), OptionalInt.of(30)),
                Optional.of(Instant.parse("2026-11-26T17:40:00Z")));

        String body = JobMessageCodec.encode(message);

        assertThat(body).isEqualTo("{\"version\":1,\"id\":\"id-1\",\"job\":\"com.example.SendInvoice\",\"data\":{\"invoice\":42},"
                + "\"tries\":5,\"backoff\":[10,60],\"timeout\":30,\"dispatchedAt\":\"2026-11-26T17:40:00Z\"}");
        assertThat(JobMessageCodec.decode(body)).isEqualTo(message);
    }

    @Test
    void leavesOutWhatTheJobDoesNotOverride() throws Exception {
        JobMessage message = new JobMessage("id-2", "com.example.Ping", "null", RetryOverrides.NONE, Optional.empty());

        assertThat(JobMessageCodec.encode(message)).isEqualTo("{\"version\":1,\"id\":\"id-2\",\"job\":\"com.example.Ping\",\"data\":null}");
        assertThat(JobMessageCodec.decode(JobMessageCodec.encode(message))).isEqualTo(message);
    }

    @Test
    void ignoresFieldsALaterVersionMayAdd() throws Exception {
        JobMessage message = JobMessageCodec.decode("{\"version\":1,\"chain\":[{\"a\":1}],\"id\":\"i\",\"job\":\"J\",\"data\":[1,2]}");
        assertThat(message.data()).isEqualTo("[1,2]");
    }

    @Test
    void saysWhyABodyIsNotAJobMessage() {
        assertThatThrownBy(() -> JobMessageCodec.decode("hello")).isInstanceOf(InvalidJobMessageException.class)
                .hasMessageStartingWith("the body is not JSON: ");
        assertThatThrownBy(() -> JobMessageCodec.decode("[1]"))
                .hasMessage("the body is not a JSON object, so not a Hover job message");
        assertThatThrownBy(() -> JobMessageCodec.decode("{\"job\":\"J\"}"))
                .hasMessage("the body has no \"version\", so it is not a Hover job message");
        assertThatThrownBy(() -> JobMessageCodec.decode("{\"version\":2,\"id\":\"i\",\"job\":\"J\",\"data\":1}"))
                .hasMessage("message version 2 is not one this runtime reads (1 to 1)");
        assertThatThrownBy(() -> JobMessageCodec.decode("{\"version\":1,\"id\":\"i\",\"data\":1}"))
                .hasMessage("the message has no \"job\"");
        assertThatThrownBy(() -> JobMessageCodec.decode("{\"version\":1,\"id\":\"i\",\"job\":\"J\",\"data\":1,\"tries\":0}"))
                .hasMessage("\"tries\" must be a whole number of at least 1, was 0");
    }
}
