package dev.hover.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One stage's manifest, {@code .hover/<stage>.yml}, after parsing and validation. Immutable: the
 * collections are unmodifiable copies and keep the file's order, so everything derived from a
 * manifest (the template, the packaged manifest) is deterministic.
 *
 * @param stage          the stage, from the file name ({@code staging} for {@code .hover/staging.yml})
 * @param name           {@code <app>-<stage>}; prefixes every AWS name and never changes
 * @param awsProfile     the AWS profile to use when credentials do not come from the environment
 * @param region         the AWS region of the stage
 * @param environment    plain, non-secret environment variables for every function, in file order
 * @param auth           roles for CloudFormation and for the functions
 * @param vpc            the VPC the functions run in, if any
 * @param deployCommands commands run on the new cli version before the release
 * @param java           how the image and the JVM are made
 * @param http           the http function
 * @param cli            the cli function (commands and the scheduler)
 * @param queues         the queue functions by function name ({@code queue.<fn>}), in file order
 * @param assets         where the static assets come from
 * @param schedule       entries that {@code schedule:run} runs, in file order
 */
public record StageManifest(
        String stage,
        String name,
        Optional<String> awsProfile,
        String region,
        Map<String, String> environment,
        Auth auth,
        Optional<Vpc> vpc,
        List<String> deployCommands,
        JavaSettings java,
        HttpFunction http,
        CliFunction cli,
        Map<String, QueueFunction> queues,
        Assets assets,
        List<ScheduleEntry> schedule) {

    public StageManifest {
        environment = Collections2.orderedCopy(environment);
        deployCommands = List.copyOf(deployCommands);
        queues = Collections2.orderedCopy(queues);
        schedule = List.copyOf(schedule);
    }
}
