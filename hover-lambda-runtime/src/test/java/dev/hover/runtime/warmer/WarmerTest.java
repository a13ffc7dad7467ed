package dev.hover.runtime.warmer;

import dev.hover.runtime.Invocation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WarmerTest {
    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:shop-dev-http";

    private static Invocation invocation(String arn, long millisLeft) {
        return new Invocation("id", System.currentTimeMillis() + millisLeft, arn, null, new byte[0]);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void pingsTheSameFunctionAndQualifierNMinusOneTimesAllAtOnce() throws InterruptedException {
        List<String> targets = new CopyOnWriteArrayList<>();
        CountDownLatch allInFlight = new CountDownLatch(4);
        Warmer warmer = new Warmer(() -> (function, qualifier, timeout) -> {
            targets.add(function + ":" + qualifier);
            allInFlight.countDown();
            // a ping returns only once every ping is in flight: they run concurrently or this times out
            assertThat(allInFlight.await(5, TimeUnit.SECONDS)).isTrue();
        });

        byte[] answer = warmer.warm(invocation(ARN + ":live", 30_000), 5);

        assertThat(text(answer)).isEqualTo("{\"warmed\":5}");
        assertThat(targets).hasSize(4).containsOnly("shop-dev-http:live");
    }

    @Test
    void anUnqualifiedArnPingsTheUnqualifiedFunction() throws InterruptedException {
        List<String> qualifiers = new CopyOnWriteArrayList<>();
        Warmer warmer = new Warmer(() -> (function, qualifier, timeout) -> qualifiers.add(String.valueOf(qualifier)));

        warmer.warm(invocation(ARN, 30_000), 2);

        assertThat(qualifiers).containsExactly("null");
    }

    @Test
    void failedPingsAreCountedOutNotFatal() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        Warmer warmer = new Warmer(() -> (function, qualifier, timeout) -> {
            if (calls.incrementAndGet() % 2 == 0) {
                throw new IllegalStateException("TooManyRequestsException");
            }
        });

        assertThat(text(warmer.warm(invocation(ARN + ":7", 30_000), 5))).isEqualTo("{\"warmed\":3}");
    }

    @Test
    void pingsThatOutliveTheDeadlineAreGivenUpOn() throws InterruptedException {
        Warmer warmer = new Warmer(() -> (function, qualifier, timeout) -> Thread.sleep(60_000));
        long started = System.nanoTime();

        byte[] answer = warmer.warm(invocation(ARN, 1_500), 3);

        assertThat(text(answer)).isEqualTo("{\"warmed\":1}");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(1_500);
    }

    @Test
    void concurrencyOfOneOrLessSendsNoPingAndBuildsNoClient() throws InterruptedException {
        Warmer warmer = new Warmer(() -> {
            throw new AssertionError("no client is needed");
        });

        assertThat(text(warmer.warm(invocation(ARN, 30_000), 1))).isEqualTo("{\"warmed\":1}");
        assertThat(text(warmer.warm(invocation(ARN, 30_000), 0))).isEqualTo("{\"warmed\":1}");
    }

    @Test
    void aPingKeepsItsContainerBusyBrieflyThenAnswers() throws InterruptedException {
        Warmer warmer = new Warmer(() -> {
            throw new AssertionError("a ping sends nothing");
        });
        long started = System.nanoTime();

        byte[] answer = warmer.ping();

        assertThat(text(answer)).isEqualTo("{\"pong\":true}");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(Warmer.PING_BUSY_MILLIS);
    }

    @Test
    void refusesAnArnThatNamesNoFunction() {
        Warmer warmer = new Warmer(() -> (function, qualifier, timeout) -> { });

        assertThatThrownBy(() -> warmer.warm(invocation("arn:aws:sqs:us-east-1:123456789012:queue", 30_000), 2))
                .hasMessageContaining("the invoked function ARN is 'arn:aws:sqs:us-east-1:123456789012:queue'");
    }
}
