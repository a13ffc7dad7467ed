package dev.hover.plugin.image;

import com.google.cloud.tools.jib.event.events.ProgressEvent;
import com.google.cloud.tools.jib.event.events.TimerEvent;
import com.google.cloud.tools.jib.event.progress.Allocation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tally from Jib's events in the order Jib's PushBlobStep sends them: the allocation opens, the
 * bytes written (if any), the push's timer stops, the allocation settles what is left.
 */
class UploadTallyTest {
    private static final String UPLOADED = "sha256:" + "a".repeat(64);
    private static final String ALREADY_THERE = "sha256:" + "b".repeat(64);
    private static final String CONFIG = "sha256:" + "c".repeat(64);
    private static final TimerEvent.Timer TIMER = new TimerEvent.Timer() {
        @Override
        public Optional<? extends TimerEvent.Timer> getParent() {
            return Optional.empty();
        }
    };

    private final UploadTally tally = new UploadTally();

    private void push(String digest, long size, long... writes) {
        Allocation allocation = Allocation.newRoot("pushing blob " + digest, size);
        tally.accept(new ProgressEvent(allocation, 0));
        long written = 0;
        for (long bytes : writes) {
            tally.accept(new ProgressEvent(allocation, bytes));
            written += bytes;
        }
        tally.accept(new TimerEvent(TimerEvent.State.FINISHED, TIMER, Duration.ZERO, Duration.ZERO,
                "Pushing BLOB digest: " + digest + ", size: " + size));
        if (written < size) {
            tally.accept(new ProgressEvent(allocation, size - written));
        }
    }

    @Test
    void countsTheBlobsWhoseBytesWereWrittenWhileTheirPushWasTimed() {
        push(UPLOADED, 1000, 400, 600);
        push(ALREADY_THERE, 5000);
        push(CONFIG, 300, 300);
        tally.accept(new ProgressEvent(Allocation.newRoot("building classes layer", 1), 1));

        assertThat(tally.uploaded()).containsOnlyKeys(UPLOADED, CONFIG).containsEntry(UPLOADED, 1000L);
        assertThat(tally.layerBytes(CONFIG)).isEqualTo(1000);
    }

    @Test
    void nothingPushedIsNothingUploaded() {
        push(ALREADY_THERE, 5000);

        assertThat(tally.uploaded()).isEmpty();
        assertThat(tally.layerBytes(CONFIG)).isZero();
    }
}
