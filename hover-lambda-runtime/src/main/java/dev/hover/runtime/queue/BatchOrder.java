package dev.hover.runtime.queue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order a batch runs in. A record that came back after its container died (a suspect) may be
 * what killed it: it runs last, after every fresh record has been settled and deleted, and alone —
 * the batch's other suspects are sent back first, a little apart, so that each runs last in a batch of
 * its own. A poison job then takes no other job down with it.
 *
 * @param toRun    bodies that are not jobs (they settle at once), the fresh records in their order, then
 *                 the suspect with the most crashes
 * @param deferred the other suspects
 */
record BatchOrder(List<Received> toRun, List<Received> deferred) {

    static BatchOrder of(List<Received> batch) {
        List<Received> toRun = new ArrayList<>();
        List<Received> suspects = new ArrayList<>();
        for (Received received : batch) {
            if (received.message() == null) {
                toRun.add(received);
            }
        }
        for (Received received : batch) {
            if (received.message() != null) {
                (received.suspect() ? suspects : toRun).add(received);
            }
        }
        suspects.sort(Comparator.comparingInt(Received::crashes).reversed());
        if (!suspects.isEmpty()) {
            toRun.add(suspects.remove(0));
        }
        return new BatchOrder(List.copyOf(toRun), List.copyOf(suspects));
    }
}
