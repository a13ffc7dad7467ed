package dev.hover.plugin.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hover.model.HttpFunction;
import dev.hover.model.StageManifest;
import dev.hover.model.yaml.ManifestReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StageCreatorTest {
    private static final String STACK_ROLE = "arn:aws:iam::123456789012:role/deployer";
    private static final String LAMBDA_ROLE = "arn:aws:iam::123456789012:role/shop-lambda";

    @TempDir
    Path project;

    private final StageCreator creator = new StageCreator();

    private static StageOptions options(String stage, String app, String region) {
        return new StageOptions(stage, Optional.ofNullable(app), Optional.ofNullable(region), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("shop"), Optional.empty());
    }

    private StageManifest readBack(String stage) throws IOException {
        return new ManifestReader().read(project.resolve(".hover/" + stage + ".yml"));
    }

    @Test
    void writesAValidCommentedManifestTheGitIgnoreAndTheSecretsFile() throws IOException {
        List<Path> written = creator.create(project, options("staging", "shop", "eu-west-1"), Optional.empty());

        assertThat(written).containsExactly(project.resolve(".hover/staging.yml"), project.resolve(".hover/.gitignore"),
                project.resolve(".hover/staging-secrets.plain.env"));
        StageManifest manifest = readBack("staging");
        assertThat(manifest.name()).isEqualTo("shop-staging");
        assertThat(manifest.region()).isEqualTo("eu-west-1");
        assertThat(manifest.awsProfile()).isEmpty();
        assertThat(manifest.auth().stackRole()).isEmpty();
        assertThat(manifest.http()).isEqualTo(HttpFunction.defaults());
        assertThat(Files.readString(project.resolve(".hover/staging.yml")))
                .contains("# Prefixes every AWS name of the stage")
                .contains("#   timeout: 28")
                .contains("#   memory: 1024");
        assertThat(Files.readAllLines(project.resolve(".hover/.gitignore"))).contains("*-secrets.plain.env");
        Path secrets = project.resolve(".hover/staging-secrets.plain.env");
        assertThat(Files.readAllLines(secrets)).isNotEmpty().allMatch(line -> line.startsWith("#"), "only comments");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rw-------");
    }

    @Test
    void writesProfileAndRolesGiven() throws IOException {
        StageOptions options = new StageOptions("production", Optional.of("shop"), Optional.of("us-east-2"),
                Optional.of("shop-prod"), Optional.of(STACK_ROLE), Optional.of(LAMBDA_ROLE), Optional.empty(),
                Optional.empty());

        creator.create(project, options, Optional.empty());

        StageManifest manifest = readBack("production");
        assertThat(manifest.name()).isEqualTo("shop-production");
        assertThat(manifest.awsProfile()).contains("shop-prod");
        assertThat(manifest.auth().stackRole()).contains(STACK_ROLE);
        assertThat(manifest.auth().lambdaRole()).contains(LAMBDA_ROLE);
    }

    @Test
    void everyCommentedExampleIsAValidKeyWithAValidValue() throws IOException {
        StageOptions options = new StageOptions("staging", Optional.of("shop"), Optional.of("eu-west-1"),
                Optional.empty(), Optional.of(STACK_ROLE), Optional.empty(), Optional.empty(), Optional.empty());
        creator.create(project, options, Optional.empty());
        Pattern commentedKey = Pattern.compile("^# (  +[A-Za-z_-]+:|[a-z-]+:| *- )");
        String uncommented = Files.readAllLines(project.resolve(".hover/staging.yml")).stream()
                .map(line -> commentedKey.matcher(line).find() ? line.substring(2) : line)
                .map(line -> line.replaceFirst("^  # (lambda-role:)", "  $1"))
                .collect(Collectors.joining("\n"));

        StageManifest manifest = new ManifestReader().read(uncommented, "uncommented.yml", "staging");

        assertThat(manifest.awsProfile()).contains("default");
        assertThat(manifest.auth().lambdaRole()).isPresent();
        assertThat(manifest.environment()).containsEntry("APP_ENV", "staging");
        assertThat(manifest.vpc()).isPresent();
        assertThat(manifest.deployCommands()).containsExactly("db:migrate");
        assertThat(manifest.java().mainClass()).contains("com.example.Application");
        assertThat(manifest.http().domains()).containsExactly("www.example.com");
        assertThat(manifest.http().timeout()).isEqualTo(HttpFunction.DEFAULT_TIMEOUT);
        assertThat(manifest.cli().concurrency()).hasValue(2);
        assertThat(manifest.queues()).containsOnlyKeys("default");
        assertThat(manifest.assets().buildCommand()).isPresent();
        assertThat(manifest.schedule()).hasSize(1);
    }

    @Test
    void withoutATerminalListsEverythingMissingAndWritesNothing() {
        assertThatThrownBy(() -> creator.create(project, options("staging", null, null), Optional.empty()))
                .isInstanceOf(StageException.class)
                .hasMessage("""
                        cannot create stage 'staging': no terminal to ask in, and these are missing:
                          -Dhover.app: the application's name; every AWS name of the stage starts with <app>-staging
                          -Dhover.region: the AWS region of the stage, e.g. eu-west-1
                        Give them as properties, e.g. -Dhover.app=shop -Dhover.region=eu-west-1""");
        assertThat(project.resolve(".hover")).doesNotExist();
    }

    @Test
    void rejectsWrongValuesGiven() {
        StageOptions options = new StageOptions("staging", Optional.of("Shop"), Optional.of("frankfurt"),
                Optional.empty(), Optional.of("deployer"), Optional.empty(), Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> creator.create(project, options, Optional.of(new ScriptedPrompter())))
                .isInstanceOf(StageException.class)
                .hasMessageStartingWith("cannot create stage 'staging':\n  -Dhover.app: 'Shop' must be lowercase")
                .hasMessageContaining("\n  -Dhover.region: 'frankfurt' is not an AWS region name")
                .hasMessageContaining("\n  -Dhover.stackRole: 'deployer' is not an IAM role ARN");
    }

    @Test
    void rejectsAnAppTooLongForTheDerivedNames() {
        StageOptions options = options("staging", "a".repeat(50), "eu-west-1");

        assertThatThrownBy(() -> creator.create(project, options, Optional.empty()))
                .hasMessageContaining("-Dhover.app: '" + "a".repeat(50) + "' is too long: the S3 assets bucket would be "
                        + "named '" + "a".repeat(50) + "-staging-assets'");
    }

    @Test
    void rejectsAStageNameThatCannotBeInAwsNames() {
        assertThatThrownBy(() -> creator.create(project, options("Staging", "shop", "eu-west-1"), Optional.empty()))
                .hasMessage("-Dhover.stage=Staging: a stage must be lowercase letters, digits and hyphens, starting "
                        + "with a letter and not ending with a hyphen");
        assertThatThrownBy(() -> creator.create(project, options(" ", "shop", "eu-west-1"), Optional.empty()))
                .hasMessageStartingWith("-Dhover.stage is required");
    }

    @Test
    void neverOverwritesAnExistingStage() throws IOException {
        Path manifest = Files.createDirectories(project.resolve(".hover")).resolve("staging.yml");
        Files.writeString(manifest, "name: mine\n");

        assertThatThrownBy(() -> creator.create(project, options("staging", "shop", "eu-west-1"), Optional.empty()))
                .isInstanceOf(StageException.class)
                .hasMessage("stage 'staging' already exists: .hover/staging.yml. Edit that file, or delete it first to "
                        + "start over.");
        assertThat(manifest).hasContent("name: mine");
    }

    @Test
    void keepsTheUsersGitIgnoreLinesAndAnExistingSecretsFile() throws IOException {
        Path hover = Files.createDirectories(project.resolve(".hover"));
        Files.writeString(hover.resolve(".gitignore"), "notes.txt");
        Files.writeString(hover.resolve("staging-secrets.plain.env"), "API_KEY=kept\n");

        List<Path> written = creator.create(project, options("staging", "shop", "eu-west-1"), Optional.empty());

        assertThat(written).containsExactly(hover.resolve("staging.yml"), hover.resolve(".gitignore"));
        assertThat(Files.readAllLines(hover.resolve(".gitignore"))).startsWith("notes.txt").endsWith("*-secrets.plain.env");
        assertThat(hover.resolve("staging-secrets.plain.env")).hasContent("API_KEY=kept");

        creator.create(project, options("production", "shop", "eu-west-1"), Optional.empty());
        assertThat(Files.readAllLines(hover.resolve(".gitignore"))).filteredOn("*-secrets.plain.env"::equals).hasSize(1);
    }

    @Test
    void asksForWhatIsMissingAndAgainAfterAWrongAnswer() throws IOException {
        ScriptedPrompter person = new ScriptedPrompter("", "Europe", "eu-north-1", "dev-profile", "", "not-an-arn",
                LAMBDA_ROLE);

        creator.create(project, options("dev", null, null), Optional.of(person));

        StageManifest manifest = readBack("dev");
        assertThat(manifest.name()).isEqualTo("shop-dev");
        assertThat(manifest.region()).isEqualTo("eu-north-1");
        assertThat(manifest.awsProfile()).contains("dev-profile");
        assertThat(manifest.auth().stackRole()).isEmpty();
        assertThat(manifest.auth().lambdaRole()).contains(LAMBDA_ROLE);
        assertThat(person.questions.get(0)).isEqualTo("Application name, the first part of every AWS name of the stage "
                + "[shop]:");
        assertThat(person.told).containsExactly(
                "'Europe' is not an AWS region name like eu-west-1 or us-east-1",
                "'not-an-arn' is not an IAM role ARN like arn:aws:iam::123456789012:role/my-role");
    }

    @Test
    void asksOnlyForWhatWasNotGiven() throws IOException {
        StageOptions options = new StageOptions("dev", Optional.of("shop"), Optional.of("eu-west-1"),
                Optional.of("dev"), Optional.of(STACK_ROLE), Optional.of(LAMBDA_ROLE), Optional.empty(), Optional.empty());
        ScriptedPrompter person = new ScriptedPrompter();

        creator.create(project, options, Optional.of(person));

        assertThat(person.questions).isEmpty();
    }

    /** Answers from a script, in order, and remembers what it was asked and told. */
    private static final class ScriptedPrompter implements Prompter {
        private final Deque<String> answers;
        final List<String> questions = new ArrayList<>();
        final List<String> told = new ArrayList<>();

        ScriptedPrompter(String... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public Optional<String> ask(String question) {
            questions.add(question);
            if (answers.isEmpty()) {
                throw new StageException("no answer to '" + question + "'");
            }
            return Optional.of(answers.removeFirst()).filter(answer -> !answer.isEmpty());
        }

        @Override
        public void tell(String message) {
            told.add(message);
        }
    }
}
