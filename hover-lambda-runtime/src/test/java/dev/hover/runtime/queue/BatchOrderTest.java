package dev.hover.runtime.queue;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BatchOrderTest {
    private static Received record(String id, int receiveCount, int crashes) {
        String body = JobMessageCodec.encode(new JobMessage(id, "com.example.Job", "{}", RetryOverrides.NONE, Optional.empty(),
                new Delivery(1, crashes, Optional.empty(), Optional.empty())));
        return Received.of(new SqsRecord("m-" + id, "r-" + id, body, receiveCount, "arn:aws:sqs:us-east-1:1:jobs-shop"));
    }

    @Test
    void bodiesThatAreNotJobsFirstThenFreshRecordsThenTheSuspectWithTheMostCrashesAlone() {
        Received fresh1 = record("fresh1", 1, 0);
        Received twice = record("twice", 2, 0);
        Received fresh2 = record("fresh2", 1, 0);
        Received worst = record("worst", 2, 1);
        Received junk = Received.of(new SqsRecord("m-junk", "r-junk", "not json", 1, "arn:aws:sqs:us-east-1:1:jobs-shop"));

        BatchOrder order = BatchOrder.of(List.of(fresh1, twice, fresh2, worst, junk));

        assertThat(order.toRun()).containsExactly(junk, fresh1, fresh2, worst);
        assertThat(order.deferred()).containsExactly(twice);
        assertThat(worst.crashes()).isEqualTo(2);
        assertThat(worst.delivery().crashes()).isEqualTo(2);
    }

    @Test
    void aBatchWithoutSuspectsRunsInItsOrder() {
        Received a = record("a", 1, 0);
        Received b = record("b", 1, 0);

        assertThat(BatchOrder.of(List.of(a, b))).isEqualTo(new BatchOrder(List.of(a, b), List.of()));
    }
}
