package dev.hover.runtime.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.hover.model.ScheduleEntry;
import dev.hover.runtime.EventHandler;
import dev.hover.runtime.Invocation;
import dev.hover.runtime.RuntimeContext;
import dev.hover.runtime.worker.TimeBox;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The cli function: answers {@code {"command": "name arg…"}} with {@code {"exitCode": n, "output": "…"}}.
 */
public final class CliHandler implements EventHandler {
    private static final JsonFactory JSON = new JsonFactory();

    private final CommandExecutor executor;

    private CliHandler(CommandExecutor executor) {
        this.executor = executor;
    }

    /** The cli function of a stage: the application's commands and schedule, the manifest's schedule. */
    public static CliHandler forFunction(RuntimeContext context) {
        return create(CommandRegistry.shared(), ScheduleRegistry.shared(), context.manifest().schedule(),
                Clock.systemUTC(), Thread.currentThread().getContextClassLoader());
    }

    /**
     * Adds the built-in commands and those listed as services to {@code commands}, and routes the
     * console so commands' output can be captured.
     *
     * @param manifestSchedule the manifest's {@code schedule}
     * @param clock            what {@code schedule:run} takes the current minute from
     */
    public static CliHandler create(CommandRegistry commands, ScheduleRegistry applicationSchedule,
                                    List<ScheduleEntry> manifestSchedule, Clock clock, ClassLoader services) {
        ConsoleRouting.install();
        CommandExecutor executor = new CommandExecutor(commands, TimeBox.shared());
        Schedules schedule = new Schedules(manifestSchedule, applicationSchedule);
        commands.register(new ScheduleRunCommand(schedule, executor, clock));
        commands.register(new ScheduleListCommand(schedule));
        commands.registerServices(services);
        return new CliHandler(executor);
    }

    /** @throws IllegalArgumentException when the event is not a command event */
    @Override
    public byte[] handle(Invocation invocation) throws InterruptedException {
        String command = commandOf(new String(invocation.payload(), StandardCharsets.UTF_8));
        CommandResult result = executor.execute(command, Instant.ofEpochMilli(invocation.deadlineMs()));
        return answer(result).getBytes(StandardCharsets.UTF_8);
    }

    static String commandOf(String event) {
        try (JsonParser parser = JSON.createParser(event)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw notACommand(event);
            }
            String command = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("command") && value == JsonToken.VALUE_STRING) {
                    command = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
            if (command == null) {
                throw notACommand(event);
            }
            return command;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the cli function's event is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IllegalArgumentException notACommand(String event) {
        String shown = event.length() > 200 ? event.substring(0, 200) + "…" : event;
        return new IllegalArgumentException("the cli function expects {\"command\": \"name arg…\"}, got: " + shown);
    }

    static String answer(CommandResult result) {
        StringWriter json = new StringWriter();
        try (JsonGenerator out = JSON.createGenerator(json)) {
            out.writeStartObject();
            out.writeNumberField("exitCode", result.exitCode());
            out.writeStringField("output", result.output());
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return json.toString();
    }
}
