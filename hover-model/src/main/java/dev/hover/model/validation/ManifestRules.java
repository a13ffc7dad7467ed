package dev.hover.model.validation;

import dev.hover.model.schedule.CronExpression;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules a single manifest value must follow, with AWS's limits behind them. Rules that need
 * more than one value (derived AWS names, a certificate for domains) live with the reader.
 */
public final class ManifestRules {
    public static final int MIN_MEMORY = 128;
    public static final int MAX_MEMORY = 10_240;
    public static final int MAX_TIMEOUT = 900;
    /** API Gateway's HTTP API waits at most 30 s for an integration, and this cannot be raised. */
    public static final int MAX_HTTP_TIMEOUT = 30;
    /**
     * 12 hours, SQS's longest visibility timeout, kept as the limit of a backoff: past SQS's 15-minute
     * message delay, the runtime carries the wait in the message (docs/jobs-and-commands.md).
     */
    public static final int MAX_BACKOFF = 43_200;
    /** The most containers the warmer keeps warm: each is a ping on a thread of its own (ten times Lambda's default concurrency quota). */
    public static final int MAX_WARM = 10_000;
    /** Lambda's Runtime API listens on 127.0.0.1:9001 inside the function's container. */
    public static final int RUNTIME_API_PORT = 9001;

    /** Set by Lambda itself; see "Defined runtime environment variables" in the Lambda developer guide. */
    private static final Set<String> LAMBDA_RESERVED_VARIABLES = Set.of("_HANDLER", "_X_AMZN_TRACE_ID", "TZ");
    private static final List<String> RESERVED_PREFIXES = List.of("AWS_", "LAMBDA_", "HOVER_");

    private static final Pattern LOWERCASE_NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern ROLE_ARN =
            Pattern.compile("arn:aws(-cn|-us-gov)?:iam::\\d{12}:role/[A-Za-z0-9+=,.@_/-]{1,512}");
    private static final Pattern CERTIFICATE_ARN =
            Pattern.compile("arn:aws(-cn|-us-gov)?:acm:([a-z0-9-]+):\\d{12}:certificate/[A-Za-z0-9-]+");
    private static final Pattern DOMAIN =
            Pattern.compile("(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern QUEUE = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern SECURITY_GROUP = Pattern.compile("sg-([0-9a-f]{8}|[0-9a-f]{17})");
    private static final Pattern SUBNET = Pattern.compile("subnet-([0-9a-f]{8}|[0-9a-f]{17})");
    private static final Pattern JAVA_CLASS = Pattern.compile(
            "(\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*\\.)*"
                    + "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*");

    private ManifestRules() {
    }

    public static Rule<Integer> between(int min, int max, String unitAndReason) {
        return value -> value >= min && value <= max
                ? Optional.empty()
                : Optional.of("must be between " + min + " and " + max + " " + unitAndReason + ", found " + value);
    }

    public static Rule<Integer> atLeast(int min) {
        return value -> value >= min ? Optional.empty() : Optional.of("must be " + min + " or more, found " + value);
    }

    public static final Rule<Integer> MEMORY = between(MIN_MEMORY, MAX_MEMORY, "MB (Lambda's limits)");
    public static final Rule<Integer> TIMEOUT = between(1, MAX_TIMEOUT, "seconds (Lambda's limit)");
    public static final Rule<Integer> HTTP_TIMEOUT = between(1, MAX_HTTP_TIMEOUT,
            "seconds: API Gateway's HTTP API waits at most 30 seconds for the function");
    public static final Rule<Integer> WARM = between(0, MAX_WARM, "containers (the warmer sends one ping per container)");
    public static final Rule<Integer> BACKOFF = between(0, MAX_BACKOFF,
            "seconds (SQS's longest visibility timeout is 12 hours)");
    public static final Rule<Integer> PORT = between(1, 65_535, "(a TCP port)").and(port -> port == RUNTIME_API_PORT
            ? Optional.of("9001 is taken by Lambda's Runtime API inside the container; choose another port")
            : Optional.empty());

    public static final Rule<String> NOT_BLANK = value -> value.isBlank()
            ? Optional.of("must not be empty")
            : Optional.empty();

    public static final Rule<String> NO_WHITESPACE = NOT_BLANK.and(value ->
            value.chars().anyMatch(Character::isWhitespace)
            ? Optional.of("'" + value + "' must not contain spaces")
            : Optional.empty());

    /** The stage, from the manifest's file name. */
    public static final Rule<String> STAGE =
            value -> lowercaseName(value, "the stage (the manifest's file name without .yml)");

    /** {@code name}; its length is checked against every AWS name derived from it, see {@link DerivedNameRules}. */
    public static final Rule<String> NAME = value -> lowercaseName(value, "'" + value + "'");

    /** A key under {@code queue}, which becomes part of a function name. */
    public static final Rule<String> QUEUE_FUNCTION =
            value -> lowercaseName(value, "the queue function name '" + value + "'");

    public static final Rule<String> REGION_NAME =
            matching(REGION, "is not an AWS region name like eu-west-1 or us-east-1");

    public static final Rule<String> ROLE =
            matching(ROLE_ARN, "is not an IAM role ARN like arn:aws:iam::123456789012:role/my-role");

    public static final Rule<String> CERTIFICATE = value -> {
        Matcher matcher = CERTIFICATE_ARN.matcher(value);
        if (!matcher.matches()) {
            return Optional.of("'" + value + "' is not an ACM certificate ARN like "
                    + "arn:aws:acm:us-east-1:123456789012:certificate/<id>");
        }
        if (!matcher.group(2).equals("us-east-1")) {
            return Optional.of("the certificate is in " + matcher.group(2)
                    + "; CloudFront only uses ACM certificates from us-east-1: request or import it there");
        }
        return Optional.empty();
    };

    public static final Rule<String> DOMAIN_NAME = value -> DOMAIN.matcher(value).matches() && value.length() <= 253
            ? Optional.empty()
            : Optional.of("'" + value + "' is not a lowercase domain name like shop.example.com");

    public static final Rule<String> ENVIRONMENT_VARIABLE = value -> {
        if (!VARIABLE.matcher(value).matches()) {
            String environmentForm = value.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", "");
            if (value.contains(".") && VARIABLE.matcher(environmentForm).matches()) {
                // Spring Boot's (and Quarkus's, Micronaut's) rule from a property name to its variable
                return Optional.of("'" + value + "' is a property name, and the environment holds process environment"
                        + " variables; perhaps you should write " + environmentForm + ", which the framework maps to "
                        + value + " (or pass -D" + value + "=… in java.jvm-options)");
            }
            return Optional.of("'" + value + "' is not a valid variable name: use letters, digits and _, "
                    + "not starting with a digit");
        }
        if (LAMBDA_RESERVED_VARIABLES.contains(value)) {
            return Optional.of(value + " is reserved: Lambda sets it");
        }
        for (String prefix : RESERVED_PREFIXES) {
            if (value.startsWith(prefix)) {
                return Optional.of(value + " is reserved: " + prefix + "* variables are set by "
                        + (prefix.equals("HOVER_") ? "Hover" : "Lambda") + " and cannot be changed here");
            }
        }
        return Optional.empty();
    };

    public static final Rule<String> QUEUE_NAME =
            matching(QUEUE, "is not a queue name: SQS allows letters, digits, hyphens and underscores");

    public static final Rule<String> SECURITY_GROUP_ID =
            matching(SECURITY_GROUP, "is not a security group id like sg-0123456789abcdef0");

    public static final Rule<String> SUBNET_ID =
            matching(SUBNET, "is not a subnet id like subnet-0123456789abcdef0");

    public static final Rule<String> ARCHITECTURE =
            matching(Pattern.compile("x86_64|arm64"), "is not an architecture Lambda runs: use x86_64 or arm64");

    public static final Rule<String> MAIN_CLASS =
            matching(JAVA_CLASS, "is not a fully qualified Java class name like com.example.Application");

    public static final Rule<String> IMAGE_REPOSITORY = NO_WHITESPACE.and(value -> {
        String lastSegment = value.substring(value.lastIndexOf('/') + 1);
        return lastSegment.contains(":") || lastSegment.contains("@")
                ? Optional.of("'" + value + "' has a tag or digest; give the repository only, "
                        + "the build tags each image")
                : Optional.empty();
    });

    public static final Rule<String> READINESS_PATH =
            matching(Pattern.compile("/\\S*"), "must be a path starting with /, like /actuator/health");

    public static final Rule<String> PRIME_PATH =
            matching(Pattern.compile("/\\S*"), "must be a path starting with /, with an optional query, like /api/products?page=1");

    public static final Rule<Integer> PRIME_ROUNDS = between(1, 1000, "(times each priming path is requested)");

    public static final Rule<String> RELATIVE_DIRECTORY = NOT_BLANK.and(value -> {
        try {
            Path path = Path.of(value);
            if (path.isAbsolute() || value.startsWith("/") || path.normalize().startsWith("..")) {
                return Optional.of("'" + value + "' must be a directory inside the project, relative to it");
            }
            return Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.of("'" + value + "' is not a path: " + e.getReason());
        }
    });

    public static final Rule<String> CRON = value -> {
        try {
            CronExpression.parse(value);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    };

    /** A rule for values that must match {@code pattern}; the message follows the quoted value. */
    private static Rule<String> matching(Pattern pattern, String problem) {
        return value -> pattern.matcher(value).matches()
                ? Optional.empty()
                : Optional.of("'" + value + "' " + problem);
    }

    private static Optional<String> lowercaseName(String value, String subject) {
        if (!LOWERCASE_NAME.matcher(value).matches() || value.endsWith("-")) {
            return Optional.of(subject + " must be lowercase letters, digits and hyphens, "
                    + "starting with a letter and not ending with a hyphen");
        }
        return Optional.empty();
    }
}
