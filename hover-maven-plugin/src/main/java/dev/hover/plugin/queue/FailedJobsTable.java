package dev.hover.plugin.queue;

import dev.hover.model.jobs.FailedJob;

import java.util.ArrayList;
import java.util.List;

/** The listing of {@code hover:queue-failed}: one aligned line per entry under a header. */
final class FailedJobsTable {
    private static final String[] HEADER = {"id", "job", "queue", "failed at", "reason", "exception"};

    private FailedJobsTable() {
    }

    static List<String> lines(List<FailedJob> jobs) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (FailedJob job : jobs) {
            rows.add(new String[] {job.id(), job.job().orElse("-"), job.queue(), job.failedAt().toString(),
                    job.reason().label(), job.exceptionLine()});
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
