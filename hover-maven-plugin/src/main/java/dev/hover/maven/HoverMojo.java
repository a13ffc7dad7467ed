package dev.hover.maven;

import dev.hover.model.HoverException;
import dev.hover.model.StageManifest;
import dev.hover.plugin.aws.AwsErrors;
import dev.hover.plugin.aws.CredentialsResolver;
import dev.hover.plugin.events.ConsoleListener;
import dev.hover.plugin.events.GoalEvent;
import dev.hover.plugin.events.GoalListener;
import dev.hover.plugin.events.JsonLinesListener;
import dev.hover.plugin.events.Progress;
import dev.hover.plugin.network.NetworkSettings;
import dev.hover.plugin.stage.StageException;
import dev.hover.plugin.stage.StageFiles;
import dev.hover.plugin.stage.StageSession;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.shared.utils.logging.MessageUtils;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every {@code hover:*} goal shares: the stage and the AWS profile, {@code hover.skip}, the
 * property-first reading of every {@code hover.*} parameter ({@link GoalParameters}), the choice of
 * the modules a goal acts on in a multi-module build, the one way a stage is opened, and the one
 * place where Hover's problems become build failures.
 */
public abstract class HoverMojo extends AbstractMojo {
    static final String STAGE = "hover.stage";
    static final String PROFILE = "hover.profile";
    static final String SKIP = "hover.skip";
    static final String OUTPUT = "hover.output";
    /** The dry run of the goals that can show what they would change: deploy, rollback, stage-purge. */
    static final String DRY_RUN = "hover.dryRun";

    /** How a goal uses the stage it is given. */
    enum StageUse {
        /** The goal acts on an existing stage, which it needs. */
        EXISTING,
        /**
         * As {@link #EXISTING}, but bound to a lifecycle phase the goal does nothing without a stage, so
         * that {@code mvn package} still works for builds that deploy nothing.
         */
        EXISTING_WHEN_GIVEN,
        /** The goal creates the stage. */
        NEW
    }

    /** The stage, e.g. {@code staging}: its manifest is {@code .hover/[stage].yml}. */
    @Parameter(property = STAGE)
    String stage;

    /**
     * An AWS profile: {@code hover:stage-new} writes it as the manifest's {@code aws-profile}; the other
     * goals use it instead of the manifest's (credentials in the environment win over both).
     */
    @Parameter(property = PROFILE)
    String profile;

    /** Do nothing: for one module, or for a whole build ({@code -Dhover.skip}). */
    @Parameter(property = SKIP, defaultValue = "false")
    boolean skip;

    /**
     * {@code text}, or {@code json}: besides the console, every event of the goal as one JSON object
     * per line on standard output, the last one its outcome (docs/parameters.md).
     */
    @Parameter(property = OUTPUT, defaultValue = "text")
    String output;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    MojoExecution execution;

    @Component
    SettingsDecrypter settingsDecrypter;

    private GoalParameters parameters;
    private NetworkSettings network;
    private Progress progress;
    private Object result;

    /** How this goal uses its stage. */
    abstract StageUse stageUse();

    /** The goal's work, once its parameters are checked and it is known to act on this module. */
    abstract void run() throws IOException, MojoExecutionException, MojoFailureException;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        Instant start = Instant.now();
        progress = new Progress(List.of(console()));
        try {
            progress = new Progress(listeners());
            parameters().check();
            Optional<String> skipped = skipped();
            if (skipped.isPresent()) {
                getLog().info(skipped.get());
                end(GoalEvent.Outcome.SKIPPED, start, Optional.empty(), skipped);
                return;
            }
            run();
            end(GoalEvent.Outcome.SUCCESS, start, Optional.empty(), Optional.empty());
        } catch (HoverException e) {
            throw failed(start, e.kind(), e.getMessage(), new MojoFailureException(e.getMessage(), e));
        } catch (SdkException e) {
            // what no call explained: an endpoint that does not answer, a malformed setting
            String message = AwsErrors.explain("run " + goal() + onStage(), e).getMessage();
            throw failed(start, "aws", message, new MojoFailureException(message, e));
        } catch (IOException e) {
            String message = goal() + " could not read or write a file: " + e.getMessage();
            throw failed(start, "io", message, new MojoExecutionException(message, e));
        } catch (MojoFailureException e) {
            throw failed(start, "maven", e.getMessage(), e);
        } catch (MojoExecutionException e) {
            throw failed(start, "maven", e.getMessage(), e);
        } catch (RuntimeException e) {
            throw failed(start, "internal", String.valueOf(e), e);
        }
    }

    /** The console, and JSON lines on standard output with {@code -Dhover.output=json}. */
    private List<GoalListener> listeners() {
        String format = text(OUTPUT, output).orElse("text");
        return switch (format) {
            case "text" -> List.of(console());
            // standard output, not the log: `mvn -q … -Dhover.output=json > events.jsonl` keeps just the events
            case "json" -> List.of(console(), new JsonLinesListener(System.out, goal(), Clock.systemUTC()));
            default -> throw new ParameterException("-D" + OUTPUT + " is '" + format + "'; it takes text or json");
        };
    }

    /** Maven's log, coloured as Maven colours its own. */
    private ConsoleListener console() {
        return new ConsoleListener(getLog()::info, getLog()::warn, getLog()::debug,
                coloured(MessageUtils.isColorEnabled(), System.getenv()), ZoneId.systemDefault());
    }

    /**
     * @param mavenColours Maven's own decision ({@code MessageUtils}): off under {@code -B}, with
     *                     {@code -Dstyle.color=never} and (with {@code auto}) without a terminal; on with
     *                     {@code -Dstyle.color=always} or on a terminal
     * @return that, unless {@code NO_COLOR} is set to something (no-color.org)
     */
    static boolean coloured(boolean mavenColours, Map<String, String> environment) {
        return mavenColours && Optional.ofNullable(environment.get("NO_COLOR")).map(String::isEmpty).orElse(true);
    }

    private void end(GoalEvent.Outcome outcome, Instant start, Optional<GoalEvent.Error> error, Optional<String> reason) {
        progress.emit(new GoalEvent.GoalEnded(outcome, text(STAGE, stage), Duration.between(start, Instant.now()),
                Optional.ofNullable(result), error, reason));
    }

    private <E extends Exception> E failed(Instant start, String kind, String message, E exception) {
        end(GoalEvent.Outcome.FAILURE, start, Optional.of(new GoalEvent.Error(kind, message)), Optional.empty());
        return exception;
    }

    /** Why this goal has no work in this module, when it has none. */
    private Optional<String> skipped() {
        if (flag(SKIP, skip)) {
            return Optional.of("hover.skip is set: " + goal() + " skipped");
        }
        Optional<String> name = text(STAGE, stage);
        if (stageUse() != StageUse.NEW) {
            if (name.isEmpty()) {
                if (stageUse() == StageUse.EXISTING_WHEN_GIVEN && execution.getSource() != MojoExecution.Source.CLI) {
                    return Optional.of("No hover.stage given: " + goal() + " does nothing (-Dhover.stage=<stage> names one)");
                }
                throw new ParameterException(goal() + " needs a stage: add -Dhover.stage=<stage>");
            }
            if (!inThisModule(name.get())) {
                return Optional.of(project.getArtifactId() + " has no .hover/" + name.get() + ".yml: " + goal() + " skipped here");
            }
        }
        // a project of its own is acted on whatever its packaging: only a parent is skipped
        if ("pom".equals(project.getPackaging()) && reactor().size() > 1) {
            return Optional.of(project.getArtifactId() + " is a pom module: " + goal() + " skipped here");
        }
        if (stageUse() == StageUse.NEW && applicationModules() > 1) {
            throw new ParameterException(goal() + " creates the stage in one module, and this build has "
                    + applicationModules() + ": name it with -pl <module>");
        }
        return Optional.empty();
    }

    /**
     * In a multi-module build the goal acts on the modules that have the stage and skips the others;
     * when none has it, that is an error (in a single project, opening the stage says so).
     */
    private boolean inThisModule(String stageName) {
        List<MavenProject> reactor = reactor();
        if (reactor.size() < 2 || hasStage(project, stageName)) {
            return true;
        }
        if (reactor.stream().noneMatch(module -> hasStage(module, stageName))) {
            throw new StageException("there is no stage '" + stageName + "' in this build: no module has .hover/"
                    + stageName + ".yml; create it in the module to deploy with mvn hover:stage-new -Dhover.stage="
                    + stageName + " -pl <module>");
        }
        return false;
    }

    private List<MavenProject> reactor() {
        return Optional.ofNullable(session.getProjects()).orElse(List.of());
    }

    private long applicationModules() {
        return reactor().stream().filter(module -> !"pom".equals(module.getPackaging())).count();
    }

    private static boolean hasStage(MavenProject module, String stageName) {
        return Files.isRegularFile(new StageFiles(module.getBasedir().toPath(), stageName).manifest());
    }

    /** Where the goal's services report: the goal's events, rendered by its listeners. */
    final Progress progress() {
        return progress;
    }

    /** What the goal produced, for machines: the {@code result} of the JSON outcome. */
    final void result(Object value) {
        result = value;
    }

    /** {@code hover:deploy}, as the user typed it. */
    final String goal() {
        return execution.getMojoDescriptor().getPluginDescriptor().getGoalPrefix() + ":" + execution.getMojoDescriptor().getGoal();
    }

    private String onStage() {
        return text(STAGE, stage).map(s -> " on stage " + s).orElse("");
    }

    /** The stage this goal acts on (checked to be given before {@link #run()}, except by a goal that creates it). */
    final String stage() {
        return text(STAGE, stage).orElseThrow(() -> new ParameterException(goal() + " needs a stage: add -Dhover.stage=<stage>"));
    }

    /** {@code hover.profile}, when given. */
    final Optional<String> profile() {
        return text(PROFILE, profile);
    }

    final Path projectDirectory() {
        return project.getBasedir().toPath();
    }

    /** Reads and validates the stage's manifest, without calling AWS. */
    final StageManifest readManifest() throws IOException {
        return StageSession.readManifest(projectDirectory(), stage(), getLog()::warn);
    }

    /**
     * Opens the stage: its manifest, its credentials and AWS clients in its region. The one way a goal
     * reaches AWS, so that what applies to every call (credentials, the SDK's endpoint settings, the
     * proxies of Maven's settings, {@code -o}) is decided here.
     */
    final StageSession openStage() throws IOException {
        network().requireOnline(goal() + " calls AWS");
        return StageSession.open(projectDirectory(), stage(), profile(), new CredentialsResolver(), network().proxies(),
                progress::plain);
    }

    /** Maven's settings for the network: proxies, {@code <servers>}, {@code -o}; read once per goal. */
    final NetworkSettings network() {
        if (network == null) {
            network = MavenNetworkSettings.of(session.getSettings(), settingsDecrypter, session.isOffline(), progress::warning);
        }
        return network;
    }

    private GoalParameters parameters() {
        if (parameters == null) {
            parameters = GoalParameters.of(execution.getMojoDescriptor(), session.getUserProperties(),
                    session.getSystemProperties());
        }
        return parameters;
    }

    /** A text parameter, property first; blank counts as not given. */
    final Optional<String> text(String property, String configured) {
        return parameters().text(property, configured);
    }

    /** A true/false parameter, property first ({@code -Dhover.dryRun} alone is true). */
    final boolean flag(String property, boolean configured) {
        return parameters().flag(property, configured);
    }

    /** A list parameter, property first: {@code -Dhover.excludes=a:b,c:d}. */
    final List<String> list(String property, List<String> configured) {
        return parameters().list(property, configured);
    }

    /** A whole-number parameter, property first. */
    final int number(String property, int configured) {
        return parameters().number(property, configured);
    }
}
