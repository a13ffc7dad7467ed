package dev.hover.runtime.sample;

import dev.hover.runtime.api.Commands;
import dev.hover.runtime.api.HoverEnvironment;
import dev.hover.runtime.api.Job;
import dev.hover.runtime.api.JobContext;
import dev.hover.runtime.api.Schedule;

/**
 * An application without a web server, as the cli and queue functions run it: its main registers a
 * command and a schedule entry and returns; its job prints what it noted.
 */
public final class WorkerApp {
    private WorkerApp() {
    }

    public static void main(String[] args) {
        Commands.register("greet", "Greets whoever is named", context -> {
            context.out().println("Hello, " + String.join(" and ", context.args()) + "!");
            System.out.println("(" + HoverEnvironment.require("GREETING") + ")");
            return context.args().isEmpty() ? 1 : 0;
        });
        Schedule.register("*/1 * * * *", "greet 'the application schedule'");
    }

    /** Prints its note, or fails when asked to. */
    public static final class NoteJob implements Job<NoteJob.Note> {
        public record Note(String text, boolean fail) {
        }

        @Override
        public void handle(Note note, JobContext context) {
            if (note.fail()) {
                throw new IllegalStateException("cannot note " + note.text());
            }
            System.out.println("noted " + note.text() + " on attempt " + context.attempt());
        }
    }
}
