package dev.hover.plugin.local;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The local queues' SQS semantics on a clock the test moves: delay, visibility, receive count, redrive. */
class LocalQueuesTest {
    private static final String JOBS = "charges-shop-local";
    private static final String FAILED = "shop-local-failed-jobs";

    private final MovableClock clock = new MovableClock();
    private final LocalQueues queues = new LocalQueues(clock, List.of(
            new LocalQueues.QueueSettings(JOBS, 60_000, 2, Optional.of(FAILED)),
            new LocalQueues.QueueSettings(FAILED, 0, 0, Optional.empty())));

    private List<LocalQueues.Received> receive() throws InterruptedException {
        return queues.receive(List.of(JOBS), 10, 0).map(Map.Entry::getValue).orElse(List.of());
    }

    @Test
    void aDelayedMessageIsReceivedOnceItsDelayIsOver() throws Exception {
        queues.send(JOBS, "later", 5);

        assertThat(receive()).isEmpty();
        clock.advance(Duration.ofSeconds(5));
        assertThat(receive()).extracting(LocalQueues.Received::body).containsExactly("later");
    }

    @Test
    void aReceivedMessageComesBackAfterTheVisibilityTimeoutUnlessDeleted() throws Exception {
        queues.send(JOBS, "kept", 0);
        queues.send(JOBS, "deleted", 0);
        List<LocalQueues.Received> first = receive();
        queues.delete(JOBS, first.get(1).receiptHandle());

        assertThat(receive()).isEmpty();
        clock.advance(Duration.ofSeconds(60));
        List<LocalQueues.Received> again = receive();
        assertThat(again).extracting(LocalQueues.Received::body).containsExactly("kept");
        assertThat(again.get(0).receiveCount()).isEqualTo(2);
        assertThat(again.get(0).messageId()).isEqualTo(first.get(0).messageId());
        assertThat(again.get(0).receiptHandle()).isNotEqualTo(first.get(0).receiptHandle());
    }

    @Test
    void aMessageReceivedMaxReceiveCountTimesMovesToTheFailedJobsRecord() throws Exception {
        AtomicReference<String> recorded = new AtomicReference<>();
        queues.onArrival(FAILED, recorded::set);
        queues.send(JOBS, "poison", 0);
        receive();
        clock.advance(Duration.ofSeconds(60));
        receive();
        clock.advance(Duration.ofSeconds(60));

        assertThat(receive()).isEmpty();
        assertThat(queues.bodies(JOBS)).isEmpty();
        assertThat(queues.bodies(FAILED)).containsExactly("poison");
        assertThat(recorded).hasValue("poison");
    }

    @Test
    void md5IsSqsMd5OfTheBody() {
        assertThat(LocalQueues.md5("hello")).isEqualTo("5d41402abc4b2a76b9719d911017c592");
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-02T06:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
