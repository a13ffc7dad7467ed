package dev.hover.bench.queue;

import dev.hover.runtime.Invocation;
import dev.hover.runtime.Retirement;
import dev.hover.runtime.api.Job;
import dev.hover.runtime.api.JobContext;
import dev.hover.runtime.queue.JobEnvironment;
import dev.hover.runtime.queue.JobMessage;
import dev.hover.runtime.queue.JobMessageCodec;
import dev.hover.runtime.queue.JobWorker;
import dev.hover.runtime.queue.QueueHandler;
import dev.hover.runtime.queue.QueueUrls;
import dev.hover.runtime.queue.RetryOverrides;
import dev.hover.runtime.queue.RetryPolicy;
import dev.hover.runtime.worker.TimeBox;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Trivial jobs through one queue function's handler, in SQS batches of 10, the whole path but the
 * Runtime API: the event parsed, each message decoded, its job created and run on a worker thread,
 * the partial batch response written. Reported per job (operations per invocation = 10).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class QueueBatchBenchmark {
    static final LongAdder HANDLED = new LongAdder();

    /** The data of the trivial job. */
    public record Ping(long sequence, String note) {
    }

    public static final class PingJob implements Job<Ping> {
        @Override
        public void handle(Ping data, JobContext context) {
            HANDLED.add(data.sequence());
        }
    }

    private QueueHandler handler;
    private Invocation invocation;

    @Setup
    public void setUp() {
        // all jobs succeed within the batch's first seconds, so the worker leaves them to Lambda's delete
        // and never calls SQS: a client here would be a bug in the benchmark
        QueueUrls noSqs = new QueueUrls(() -> {
            throw new IllegalStateException("the benchmark's jobs never go back to the queue");
        });
        handler = new QueueHandler(new JobWorker(RetryPolicy.of(3, List.of(0)),
                new JobEnvironment(getClass().getClassLoader()), noSqs, "app-bench-failed-jobs", TimeBox.shared(),
                new Retirement(), System.out));
        invocation = new Invocation("request", System.currentTimeMillis() + TimeUnit.DAYS.toMillis(1),
                "arn:aws:lambda:us-east-1:123456789012:function:app-bench-default-queue:live", null,
                event().getBytes(StandardCharsets.UTF_8));
        checkOneBatch();
    }

    /** A benchmark of a path that fails would measure the wrong thing. */
    private void checkOneBatch() {
        long before = HANDLED.sum();
        String answer;
        try {
            answer = new String(handler.handle(invocation), StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        if (!answer.equals("{\"batchItemFailures\":[]}") || HANDLED.sum() - before != 55) {
            throw new IllegalStateException("the batch did not run all 10 jobs: " + answer);
        }
    }

    private static String event() {
        StringBuilder records = new StringBuilder();
        for (int i = 1; i <= 10; i++) {
            String body = JobMessageCodec.encode(new JobMessage(UUID.randomUUID().toString(), PingJob.class.getName(),
                    "{\"sequence\":" + i + ",\"note\":\"ping " + i + "\"}", RetryOverrides.NONE, Optional.empty()));
            if (i > 1) {
                records.append(',');
            }
            records.append("{\"messageId\":\"").append(UUID.randomUUID())
                    .append("\",\"receiptHandle\":\"AQEB").append("x".repeat(160))
                    .append("\",\"body\":").append(quoted(body))
                    .append(",\"attributes\":{\"ApproximateReceiveCount\":\"1\",\"SentTimestamp\":\"1764150000000\",")
                    .append("\"SenderId\":\"AIDAEXAMPLE\",\"ApproximateFirstReceiveTimestamp\":\"1764150000001\"},")
                    .append("\"messageAttributes\":{},\"md5OfBody\":\"0123456789abcdef0123456789abcdef\",")
                    .append("\"eventSource\":\"aws:sqs\",\"eventSourceARN\":\"arn:aws:sqs:us-east-1:123456789012:default-app-bench\",")
                    .append("\"awsRegion\":\"us-east-1\"}");
        }
        return "{\"Records\":[" + records + "]}";
    }

    private static String quoted(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Benchmark
    @OperationsPerInvocation(10)
    public byte[] batchOfTen() throws InterruptedException {
        return handler.handle(invocation);
    }
}
