package dev.hover.model.jobs;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FailedJobCodecTest {
    private static final FailedJob ENTRY = new FailedJob("6f1c", Optional.of("com.example.SendInvoice"), "mail-shop-staging", 3,
            Instant.parse("2026-11-26T17:40:00Z"), FailedJob.Reason.FAILED,
            "java.lang.IllegalStateException: no mail server\nsecond line", "java.lang.IllegalStateException: …\n\tat x",
            "{\"version\":1,\"id\":\"6f1c\",\"job\":\"com.example.SendInvoice\",\"data\":{}}");

    @Test
    void anEntryRoundTrips() {
        assertThat(FailedJobCodec.decode(FailedJobCodec.encode(ENTRY))).contains(ENTRY);
        assertThat(ENTRY.exceptionLine()).isEqualTo("java.lang.IllegalStateException: no mail server");
    }

    @Test
    void anInvalidMessageHasNoJobClass() {
        FailedJob invalid = new FailedJob("m-1", Optional.empty(), "jobs-shop", 0, Instant.EPOCH, FailedJob.Reason.INVALID,
                "the body is not JSON", "", "not json");

        assertThat(FailedJobCodec.decode(FailedJobCodec.encode(invalid))).contains(invalid);
    }

    @Test
    void aMessageMovedByTheRedrivePolicyIsNotAnEntry() {
        assertThat(FailedJobCodec.decode(ENTRY.body())).isEmpty();
        assertThat(FailedJobCodec.decode("not json at all")).isEmpty();
        assertThat(FailedJobCodec.decode("[1,2]")).isEmpty();
    }

    @Test
    void aMovedJobMessageIsSeenAsAPoisonEntryWithItsJobAndId() {
        FailedJob moved = FailedJobCodec.moved("m-9", ENTRY.body(), Optional.of("mail-shop-staging"), 6, Instant.EPOCH);

        assertThat(moved.id()).isEqualTo("6f1c");
        assertThat(moved.job()).contains("com.example.SendInvoice");
        assertThat(moved.reason()).isEqualTo(FailedJob.Reason.POISON);
        assertThat(moved.body()).isEqualTo(ENTRY.body());
        assertThat(FailedJobCodec.moved("m-9", "garbage", Optional.empty(), 6, Instant.EPOCH).id()).isEqualTo("m-9");
    }

    @Test
    void anEntryMissingAFieldSaysWhich() {
        assertThatThrownBy(() -> FailedJobCodec.decode("{\"hoverFailedJob\":1,\"id\":\"x\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a failed-jobs entry is malformed: it has no \"queue\"");
    }
}
