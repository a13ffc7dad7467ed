package dev.hover.model.yaml;

import static dev.hover.model.validation.ManifestRules.ARCHITECTURE;
import static dev.hover.model.validation.ManifestRules.CERTIFICATE;
import static dev.hover.model.validation.ManifestRules.CRON;
import static dev.hover.model.validation.ManifestRules.DOMAIN_NAME;
import static dev.hover.model.validation.ManifestRules.ENVIRONMENT_VARIABLE;
import static dev.hover.model.validation.ManifestRules.HTTP_TIMEOUT;
import static dev.hover.model.validation.ManifestRules.IMAGE_REPOSITORY;
import static dev.hover.model.validation.ManifestRules.MAIN_CLASS;
import static dev.hover.model.validation.ManifestRules.MEMORY;
import static dev.hover.model.validation.ManifestRules.NAME;
import static dev.hover.model.validation.ManifestRules.NOT_BLANK;
import static dev.hover.model.validation.ManifestRules.NO_WHITESPACE;
import static dev.hover.model.validation.ManifestRules.PORT;
import static dev.hover.model.validation.ManifestRules.PRIME_PATH;
import static dev.hover.model.validation.ManifestRules.PRIME_ROUNDS;
import static dev.hover.model.validation.ManifestRules.READINESS_PATH;
import static dev.hover.model.validation.ManifestRules.REGION_NAME;
import static dev.hover.model.validation.ManifestRules.RELATIVE_DIRECTORY;
import static dev.hover.model.validation.ManifestRules.ROLE;
import static dev.hover.model.validation.ManifestRules.SECURITY_GROUP_ID;
import static dev.hover.model.validation.ManifestRules.STAGE;
import static dev.hover.model.validation.ManifestRules.SUBNET_ID;
import static dev.hover.model.validation.ManifestRules.TIMEOUT;
import static dev.hover.model.validation.ManifestRules.WARM;
import static dev.hover.model.validation.ManifestRules.atLeast;

import dev.hover.model.Architecture;
import dev.hover.model.Assets;
import dev.hover.model.Auth;
import dev.hover.model.CliFunction;
import dev.hover.model.HttpFunction;
import dev.hover.model.JavaSettings;
import dev.hover.model.ScheduleEntry;
import dev.hover.model.StageManifest;
import dev.hover.model.Vpc;
import dev.hover.model.validation.DerivedNameRules;
import dev.hover.model.validation.ManifestException;
import dev.hover.model.validation.Problem;
import dev.hover.model.validation.Problems;
import dev.hover.model.validation.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code .hover/<stage>.yml} into a {@link StageManifest}: every key checked for its type
 * and its rules, every default applied. The YAML is composed into nodes (not loaded into maps) so
 * every problem keeps its line and column; all problems are collected and thrown together.
 */
public final class ManifestReader {
    /** The original Hover's Docker build file: read only to say what replaces it. */
    static final String DOCKERFILE = "dockerfile";
    static final String DOCKERFILE_WARNING = "ignored: the original Hover's Dockerfile has no use here, Hover for"
            + " Java builds the image without Docker (Jib): the base image is java.base-image (default "
            + JavaSettings.DEFAULT_BASE_IMAGE + "), the JVM's options java.jvm-options, the main class"
            + " java.main-class; see \"Coming from Hover\" in docs/manifest.md";
    static final List<String> TOP_KEYS = List.of("name", "aws-profile", "region", "environment", "auth", "vpc",
            "deploy-commands", "java", "http", "cli", "queue", "assets", "schedule", DOCKERFILE);
    static final List<String> AUTH_KEYS = List.of("stack-role", "lambda-role");
    static final List<String> VPC_KEYS = List.of("security-groups", "subnets");
    static final List<String> JAVA_KEYS = List.of("base-image", "architecture", "jvm-options", "main-class",
            "repository");
    static final List<String> HTTP_KEYS = List.of("memory", "timeout", "warm", "concurrency", "domains",
            "certificate", "port", "readiness-path", "snapstart", "prime", "prime-rounds");
    static final List<String> CLI_KEYS = List.of("memory", "timeout", "concurrency", "snapstart");
    static final List<String> QUEUE_KEYS = List.of("memory", "timeout", "concurrency", "tries", "backoff", "queues",
            "snapstart");
    static final List<String> ASSETS_KEYS = List.of("directory", "build-command");
    static final List<String> SCHEDULE_KEYS = List.of("cron", "command");

    static final Rule<Integer> NOT_NEGATIVE = atLeast(0);

    /** Each nested key and the sections it belongs in (in this order), to point a misplaced key to its place. */
    private static final Map<String, String> KEY_HOMES = keyHomes(List.of(
            Map.entry("http", HTTP_KEYS), Map.entry("cli", CLI_KEYS), Map.entry("queue.<function>", QUEUE_KEYS),
            Map.entry("auth", AUTH_KEYS), Map.entry("vpc", VPC_KEYS), Map.entry("java", JAVA_KEYS),
            Map.entry("assets", ASSETS_KEYS), Map.entry("each schedule entry", SCHEDULE_KEYS)));

    private static Map<String, String> keyHomes(List<Map.Entry<String, List<String>>> sections) {
        Map<String, List<String>> homes = new LinkedHashMap<>();
        sections.forEach(section -> section.getValue()
                .forEach(key -> homes.computeIfAbsent(key, k -> new ArrayList<>()).add(section.getKey())));
        Map<String, String> described = new LinkedHashMap<>();
        homes.forEach((key, places) -> described.put(key, places.size() == 1
                ? places.get(0)
                : String.join(", ", places.subList(0, places.size() - 1)) + " or " + places.get(places.size() - 1)));
        return Map.copyOf(described);
    }

    private final Consumer<String> warnings;

    /** A reader that drops warnings: for manifests Hover wrote itself. */
    public ManifestReader() {
        this(warning -> { });
    }

    /**
     * @param warnings gets each warning ({@code file:line:column: key: message}): keys of the
     *                 original Hover that are accepted but have no effect here
     */
    public ManifestReader(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    /**
     * Reads a manifest file; the stage is the file name without {@code .yml}, and problems name
     * the file as {@code file} is spelled.
     */
    public StageManifest read(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        String stage = fileName.replaceFirst("\\.ya?ml$", "");
        return read(Files.readString(file), file.toString(), stage);
    }

    /**
     * Reads a manifest's text.
     *
     * @param displayName how problems name the file
     * @param stage       the stage the manifest is for
     * @throws ManifestException listing every problem found
     */
    public StageManifest read(String content, String displayName, String stage) {
        Problems problems = new Problems(displayName);
        NodeReader reader = new NodeReader(problems, KEY_HOMES);
        STAGE.check(stage).ifPresent(message -> problems.add(1, 1, "", message));
        Node root = compose(content, problems);
        if (root == null) {
            if (problems.isEmpty()) {
                problems.add(1, 1, "", "the manifest is empty; it needs at least 'name' and 'region'");
            }
            problems.throwIfAny();
        }
        if (!(root instanceof MappingNode mapping)) {
            reader.report(root, "", "expected a mapping of keys (name, region, ...) at the top level, found "
                    + NodeReader.describe(root));
            problems.throwIfAny();
            throw new IllegalStateException("unreachable: a problem was reported");
        }
        YamlSection top = new YamlSection(reader, "", mapping, TOP_KEYS);
        StageManifest manifest = new Reading(reader, top, stage).manifest();
        problems.throwIfAny();
        if (top.has(DOCKERFILE)) {
            Node key = top.keyNode(DOCKERFILE);
            warnings.accept(new Problem(displayName, key.getStartMark().getLine() + 1, key.getStartMark().getColumn() + 1,
                    DOCKERFILE, DOCKERFILE_WARNING).toString());
        }
        return manifest;
    }

    private static Node compose(String content, Problems problems) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowRecursiveKeys(false);
        try {
            return new Yaml(options).compose(new java.io.StringReader(content));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String context = e.getContext() == null ? "" : e.getContext() + ": ";
            int line = mark == null ? 1 : mark.getLine() + 1;
            int column = mark == null ? 1 : mark.getColumn() + 1;
            problems.add(line, column, "", "YAML syntax error: " + context + e.getProblem());
        } catch (YAMLException e) {
            problems.add(1, 1, "", "YAML error: " + e.getMessage());
        }
        return null;
    }

    /** One pass over one manifest; the results are meaningless if a problem was reported. */
    private static final class Reading {
        private final NodeReader reader;
        private final YamlSection top;
        private final String stage;

        Reading(NodeReader reader, YamlSection top, String stage) {
            this.reader = reader;
            this.top = top;
            this.stage = stage;
        }

        StageManifest manifest() {
            top.require("name", "every AWS name of the stage starts with it, e.g. shop-" + stage);
            top.require("region", "the AWS region of the stage, e.g. eu-west-1");
            Optional<String> name = top.string("name", NAME);
            name.ifPresent(valid -> DerivedNameRules.checkName(valid)
                    .forEach(message -> reader.report(top.value("name").orElseThrow(), "name", message)));
            return new StageManifest(
                    stage,
                    name.orElse(""),
                    top.string("aws-profile", NO_WHITESPACE),
                    top.string("region", REGION_NAME).orElse(""),
                    environment(),
                    auth(),
                    vpc(),
                    top.strings("deploy-commands", NOT_BLANK).orElse(List.of()),
                    java(),
                    http(),
                    cli(),
                    new QueueSectionReader(reader, name).queues(top),
                    assets(),
                    schedule());
        }

        private Map<String, String> environment() {
            Map<String, String> environment = new LinkedHashMap<>();
            top.openSection("environment", "variable names to values").ifPresent(section -> {
                for (String key : section.keys()) {
                    Optional<String> problem = ENVIRONMENT_VARIABLE.check(key);
                    if (problem.isPresent()) {
                        reader.report(section.keyNode(key), section.pathOf(key), problem.get());
                        continue;
                    }
                    Node value = section.value(key).orElseThrow();
                    if (NodeReader.isNull(value)) {
                        environment.put(key, "");
                    } else {
                        reader.text(value, section.pathOf(key), Rule.none())
                                .ifPresent(text -> environment.put(key, text));
                    }
                }
            });
            return environment;
        }

        private Auth auth() {
            return top.section("auth", AUTH_KEYS)
                    .map(auth -> new Auth(auth.string("stack-role", ROLE), auth.string("lambda-role", ROLE)))
                    .orElse(Auth.NONE);
        }

        private Optional<Vpc> vpc() {
            return top.section("vpc", VPC_KEYS).map(vpc -> {
                List<String> securityGroups = requiredList(vpc, "security-groups", SECURITY_GROUP_ID,
                        "functions in a VPC need at least one security group");
                List<String> subnets = requiredList(vpc, "subnets", SUBNET_ID,
                        "functions in a VPC need at least one subnet");
                return new Vpc(securityGroups, subnets);
            });
        }

        private List<String> requiredList(YamlSection section, String key, Rule<String> itemRule, String why) {
            if (!section.require(key, why)) {
                return List.of();
            }
            Node node = section.value(key).orElseThrow();
            if (NodeReader.isEmptyList(node)) {
                reader.report(node, section.pathOf(key), "is empty; " + why);
            }
            return section.strings(key, itemRule).orElse(List.of());
        }

        private JavaSettings java() {
            return top.section("java", JAVA_KEYS).map(java -> new JavaSettings(
                    java.string("base-image", NO_WHITESPACE).orElse(JavaSettings.DEFAULT_BASE_IMAGE),
                    java.string("architecture", ARCHITECTURE)
                            .map(value -> Architecture.valueOf(value.toUpperCase(Locale.ROOT)))
                            .orElse(JavaSettings.DEFAULT_ARCHITECTURE),
                    java.strings("jvm-options", NO_WHITESPACE).orElse(List.of()),
                    java.string("main-class", MAIN_CLASS),
                    java.string("repository", IMAGE_REPOSITORY)))
                    .orElse(JavaSettings.defaults());
        }

        private HttpFunction http() {
            return top.section("http", HTTP_KEYS).map(http -> {
                OptionalInt concurrency = http.optionalInteger("concurrency", NOT_NEGATIVE);
                int warm = http.integer("warm", WARM).orElse(HttpFunction.DEFAULT_WARM);
                if (concurrency.isPresent() && warm > concurrency.getAsInt() && http.has("warm")) {
                    reader.report(http.value("warm").orElseThrow(), http.pathOf("warm"), "keeps " + warm
                            + " containers warm but http.concurrency reserves only " + concurrency.getAsInt()
                            + "; the warmer would be throttled");
                }
                List<String> domains = http.stringsOrCommaSeparated("domains", DOMAIN_NAME).orElse(List.of());
                reportDuplicates(http, "domains", "domain", domains);
                Optional<String> certificate = http.string("certificate", CERTIFICATE);
                if (!domains.isEmpty() && !http.has("certificate")) {
                    reader.report(http.keyNode("domains"), http.pathOf("domains"), "custom domains need "
                            + "http.certificate: the ARN of an ACM certificate in us-east-1 that covers them");
                }
                boolean snapstart = http.bool("snapstart").orElse(false);
                List<String> prime = http.strings("prime", PRIME_PATH).orElse(List.of());
                reportDuplicates(http, "prime", "priming path", prime);
                int primeRounds = http.integer("prime-rounds", PRIME_ROUNDS).orElse(HttpFunction.DEFAULT_PRIME_ROUNDS);
                return new HttpFunction(
                        http.integer("memory", MEMORY).orElse(HttpFunction.DEFAULT_MEMORY),
                        http.integer("timeout", HTTP_TIMEOUT).orElse(HttpFunction.DEFAULT_TIMEOUT),
                        warm,
                        concurrency,
                        domains,
                        certificate,
                        http.integer("port", PORT).orElse(HttpFunction.DEFAULT_PORT),
                        http.string("readiness-path", READINESS_PATH).orElse(HttpFunction.DEFAULT_READINESS_PATH),
                        snapstart,
                        prime,
                        primeRounds);
            }).orElse(HttpFunction.defaults());
        }

        private CliFunction cli() {
            return top.section("cli", CLI_KEYS).map(cli -> new CliFunction(
                    cli.integer("memory", MEMORY).orElse(CliFunction.DEFAULT_MEMORY),
                    cli.integer("timeout", TIMEOUT).orElse(CliFunction.DEFAULT_TIMEOUT),
                    cli.optionalInteger("concurrency", NOT_NEGATIVE),
                    cli.bool("snapstart").orElse(false)))
                    .orElse(CliFunction.defaults());
        }

        private Assets assets() {
            return top.section("assets", ASSETS_KEYS).map(assets -> {
                Optional<String> buildCommand = assets.string("build-command", NOT_BLANK);
                if (assets.has("build-command") && !assets.has("directory")) {
                    reader.report(assets.keyNode("build-command"), assets.pathOf("build-command"),
                            "needs assets.directory: the directory the command's output is uploaded from");
                }
                return new Assets(assets.string("directory", RELATIVE_DIRECTORY), buildCommand);
            }).orElse(Assets.NONE);
        }

        private List<ScheduleEntry> schedule() {
            List<ScheduleEntry> schedule = new ArrayList<>();
            top.value("schedule").flatMap(node -> reader.list(node, "schedule")).ifPresent(items -> {
                for (int i = 0; i < items.size(); i++) {
                    reader.section(items.get(i), "schedule[" + i + "]", SCHEDULE_KEYS).ifPresent(entry -> {
                        entry.require("cron", "when to run, five fields like \"0 3 * * *\" (UTC)");
                        entry.require("command", "the command to run, as given to hover:command");
                        Optional<String> cron = entry.string("cron", CRON);
                        Optional<String> command = entry.string("command", NOT_BLANK);
                        if (cron.isPresent() && command.isPresent()) {
                            schedule.add(new ScheduleEntry(cron.get(), command.get()));
                        }
                    });
                }
            });
            return schedule;
        }

        private void reportDuplicates(YamlSection section, String key, String what, List<String> values) {
            if (section.value(key).orElse(null) instanceof ScalarNode scalar) {
                values.stream().filter(value -> values.indexOf(value) != values.lastIndexOf(value)).distinct()
                        .forEach(twice -> reader.report(scalar, section.pathOf(key), what + " '" + twice + "' is listed twice"));
                return;
            }
            if (!(section.value(key).orElse(null) instanceof SequenceNode sequence)) {
                return;
            }
            List<String> seen = new ArrayList<>();
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof ScalarNode scalar) {
                    if (seen.contains(scalar.getValue())) {
                        reader.report(scalar, section.pathOf(key) + "[" + i + "]",
                                what + " '" + scalar.getValue() + "' is listed twice");
                    }
                    seen.add(scalar.getValue());
                }
            }
        }

    }

}
