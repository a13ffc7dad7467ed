package dev.hover.plugin.stage;

import static dev.hover.model.validation.ManifestRules.NAME;
import static dev.hover.model.validation.ManifestRules.NO_WHITESPACE;
import static dev.hover.model.validation.ManifestRules.REGION_NAME;
import static dev.hover.model.validation.ManifestRules.ROLE;
import static dev.hover.model.validation.ManifestRules.STAGE;

import dev.hover.model.validation.DerivedNameRules;
import dev.hover.model.validation.ManifestException;
import dev.hover.model.validation.Rule;
import dev.hover.model.yaml.ManifestReader;
import dev.hover.plugin.secrets.GitIgnore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code hover:stage-new}: writes a new stage's commented manifest, its empty plain secrets file
 * and the {@code .hover/.gitignore} that keeps plain secrets out of git. What was not given is
 * asked for when a person is at a terminal; otherwise every missing value is listed at once.
 */
public final class StageCreator {

    private final ManifestReader reader = new ManifestReader();

    /**
     * @param prompter a person to ask, or empty when nobody can answer (CI, batch mode)
     * @return the files written, the manifest first
     * @throws StageException when the stage exists, or values are missing or wrong
     */
    public List<Path> create(Path projectDirectory, StageOptions options, Optional<Prompter> prompter)
            throws IOException {
        String stage = options.stage() == null ? "" : options.stage().strip();
        if (stage.isEmpty()) {
            throw new StageException("-Dhover.stage is required: the stage to create, e.g. -Dhover.stage=staging");
        }
        STAGE.check(stage).ifPresent(problem -> {
            throw new StageException("-Dhover.stage=" + stage + ": " + problem.replace("the stage (the manifest's "
                    + "file name without .yml)", "a stage"));
        });
        StageFiles files = new StageFiles(projectDirectory, stage);
        if (Files.exists(files.manifest())) {
            throw new StageException("stage '" + stage + "' already exists: " + files.display(files.manifest())
                    + ". Edit that file, or delete it first to start over.");
        }
        List<String> invalid = invalidGiven(stage, options);
        if (!invalid.isEmpty()) {
            throw new StageException("cannot create stage '" + stage + "':\n  " + String.join("\n  ", invalid));
        }
        NewStage newStage = prompter.map(person -> ask(person, stage, options)).orElseGet(() -> given(stage, options));
        String manifest = StarterManifest.render(newStage);
        checkReadsBack(manifest, files);
        return write(files, manifest);
    }

    /** What is wrong with the values that were given; missing ones are not checked here. */
    private static List<String> invalidGiven(String stage, StageOptions options) {
        List<String> problems = new ArrayList<>();
        options.app().flatMap(app -> appProblem(app, stage)).ifPresent(problem -> problems.add("-Dhover.app: " + problem));
        check("-Dhover.region", options.region(), REGION_NAME, problems);
        check("-Dhover.profile", options.profile(), NO_WHITESPACE, problems);
        check("-Dhover.stackRole", options.stackRole(), ROLE, problems);
        check("-Dhover.lambdaRole", options.lambdaRole(), ROLE, problems);
        return problems;
    }

    private static void check(String property, Optional<String> value, Rule<String> rule, List<String> problems) {
        value.flatMap(rule::check).ifPresent(problem -> problems.add(property + ": " + problem));
    }

    private static NewStage given(String stage, StageOptions options) {
        List<String> missing = new ArrayList<>();
        if (options.app().isEmpty()) {
            missing.add("-Dhover.app: the application's name; every AWS name of the stage starts with <app>-" + stage);
        }
        if (options.region().isEmpty()) {
            missing.add("-Dhover.region: the AWS region of the stage, e.g. eu-west-1");
        }
        if (!missing.isEmpty()) {
            throw new StageException("cannot create stage '" + stage + "': no terminal to ask in, and these are "
                    + "missing:\n  " + String.join("\n  ", missing)
                    + "\nGive them as properties, e.g. -Dhover.app=shop -Dhover.region=eu-west-1");
        }
        return new NewStage(stage, options.app().orElseThrow() + "-" + stage, options.region().orElseThrow(),
                options.profile(), options.stackRole(), options.lambdaRole());
    }

    private static NewStage ask(Prompter person, String stage, StageOptions options) {
        String app = options.app().orElseGet(() -> askUntilValid(person,
                "Application name, the first part of every AWS name of the stage",
                options.suggestedApp().filter(suggestion -> appProblem(suggestion, stage).isEmpty()),
                true, value -> appProblem(value, stage)).orElseThrow());
        String region = options.region().orElseGet(() -> askUntilValid(person, "AWS region",
                options.suggestedRegion().filter(suggestion -> REGION_NAME.check(suggestion).isEmpty()),
                true, REGION_NAME).orElseThrow());
        Optional<String> profile = options.profile().or(() -> askUntilValid(person,
                "AWS profile to deploy with (enter for none: credentials from the environment)",
                Optional.empty(), false, NO_WHITESPACE));
        Optional<String> stackRole = options.stackRole().or(() -> askUntilValid(person,
                "ARN of the role CloudFormation assumes (enter for none: your own credentials)",
                Optional.empty(), false, ROLE));
        Optional<String> lambdaRole = options.lambdaRole().or(() -> askUntilValid(person,
                "ARN of the role the functions assume (enter for none: the stack creates one)",
                Optional.empty(), false, ROLE));
        return new NewStage(stage, app + "-" + stage, region, profile, stackRole, lambdaRole);
    }

    private static Optional<String> askUntilValid(Prompter person, String question, Optional<String> suggestion,
                                                  boolean required, Rule<String> rule) {
        String prompt = question + suggestion.map(value -> " [" + value + "]").orElse("") + ":";
        while (true) {
            Optional<String> answer = person.ask(prompt).or(() -> suggestion);
            if (answer.isEmpty()) {
                if (!required) {
                    return answer;
                }
                person.tell("An answer is needed.");
                continue;
            }
            Optional<String> problem = rule.check(answer.get());
            if (problem.isEmpty()) {
                return answer;
            }
            person.tell(problem.get());
        }
    }

    /** What is wrong with {@code app} as the start of {@code <app>-<stage>}. */
    private static Optional<String> appProblem(String app, String stage) {
        String name = app + "-" + stage;
        return NAME.check(app)
                .or(() -> DerivedNameRules.checkName(name).stream().findFirst()
                        .map(problem -> "'" + app + "' is " + problem));
    }

    private void checkReadsBack(String manifest, StageFiles files) {
        try {
            reader.read(manifest, files.display(files.manifest()), files.stage());
        } catch (ManifestException e) {
            throw new IllegalStateException("hover:stage-new wrote a manifest its own reader rejects:\n"
                    + e.getMessage() + "\n" + manifest, e);
        }
    }

    private static List<Path> write(StageFiles files, String manifest) throws IOException {
        Files.createDirectories(files.directory());
        List<Path> written = new ArrayList<>();
        Files.writeString(files.manifest(), manifest, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        written.add(files.manifest());
        if (GitIgnore.ensurePlainSecretsIgnored(files.directory())) {
            written.add(files.gitIgnore());
        }
        if (!Files.exists(files.plainSecrets()) && !Files.exists(files.encryptedSecrets())) {
            createOwnerOnly(files.plainSecrets(), plainSecrets(files.stage()));
            written.add(files.plainSecrets());
        }
        return written;
    }

    /** Created readable by its owner only, as hover:secret-decrypt writes it: it is for secrets. */
    private static void createOwnerOnly(Path file, String content) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static String plainSecrets(String stage) {
        return """
                # Secrets of stage "%1$s", one KEY=value a line (dotenv). This plain file stays on your
                # machine (.hover/.gitignore keeps it out of git). Encrypt it for deploys with
                #   mvn hover:secret-encrypt -Dhover.stage=%1$s
                # which writes .hover/%1$s-secrets.env (committed) and deletes this file.
                # DATABASE_PASSWORD=change-me
                """.formatted(stage);
    }
}
