package dev.hover.model.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hover.model.yaml.ManifestReader;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One broken manifest per rule: the single problem it reports, its line, its key path and its message. */
class ManifestValidationTest {
    /** Two valid lines, so a snippet after it starts at line 3. */
    private static final String BASE = "name: shop-dev\nregion: eu-west-1\n";

    private static Arguments rule(String rule, String yaml, int line, String keyPath, String message) {
        return Arguments.of(rule, yaml, line, keyPath, message);
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                // keys
                rule("unknown key, with a suggestion", BASE + "envirnoment:\n  A: b\n",
                        3, "envirnoment", "unknown key 'envirnoment'; did you mean 'environment'?"),
                rule("unknown key spelled with _", BASE + "aws_profile: dev\n",
                        3, "aws_profile", "unknown key 'aws_profile'; did you mean 'aws-profile'?"),
                rule("unknown key in a section, no close match", BASE + "http:\n  colour: red\n",
                        4, "http.colour", "unknown key 'colour'; expected one of: memory, timeout, warm, concurrency, "
                                + "domains, certificate, port, readiness-path, snapstart, prime, prime-rounds"),
                rule("unknown key in a schedule entry", BASE + "schedule:\n  - cron: '* * * * *'\n    command: a\n    comand: b\n",
                        6, "schedule[0].comand", "unknown key 'comand'; did you mean 'command'?"),
                rule("section key at the top level", BASE + "memory: 2048\n",
                        3, "memory", "'memory' does not belong at the top level; it goes under http, cli or "
                                + "queue.<function>"),
                rule("queue key under http", BASE + "http:\n  tries: 3\n",
                        4, "http.tries", "'tries' does not belong under http; it goes under queue.<function>"),
                rule("duplicate key", BASE + "http:\n  memory: 512\n  memory: 1024\n",
                        5, "http.memory", "duplicate key 'memory' (first at line 4)"),
                rule("duplicate top-level key", BASE + "region: us-east-1\n",
                        3, "region", "duplicate key 'region' (first at line 2)"),
                rule("name missing", "region: eu-west-1\n",
                        1, "name", "missing; every AWS name of the stage starts with it, e.g. shop-dev"),
                rule("region missing", "name: shop-dev\n",
                        1, "region", "missing; the AWS region of the stage, e.g. eu-west-1"),

                // types
                rule("string where a number is expected", BASE + "http:\n  memory: lots\n",
                        4, "http.memory", "expected a whole number, found the string 'lots'"),
                rule("quoted number", BASE + "cli:\n  timeout: \"60\"\n",
                        4, "cli.timeout", "expected a whole number, found the string '60'"),
                rule("number too large", BASE + "cli:\n  memory: 99999999999\n",
                        4, "cli.memory", "99999999999 is too large"),
                rule("merge key", BASE + "http:\n  <<: {memory: 512}\n",
                        4, "http.<<", "YAML merge keys (<<) are not supported in a manifest; write the keys out"),
                rule("fraction", BASE + "cli:\n  memory: 1.5\n",
                        4, "cli.memory", "expected a whole number, found the number 1.5"),
                rule("mapping where a list is expected", BASE + "deploy-commands:\n  migrate: now\n",
                        4, "deploy-commands", "expected a list, found a mapping"),
                rule("list where a string is expected", BASE + "aws-profile: [a, b]\n",
                        3, "aws-profile", "expected a string, found a list"),
                rule("list where a mapping is expected", BASE + "http: [1]\n",
                        3, "http", "expected a mapping of keys (memory, timeout, warm, concurrency, domains, "
                                + "certificate, port, readiness-path, snapstart, prime, prime-rounds), found a list"),
                rule("string where a list is expected", BASE + "java:\n  jvm-options: -Xmx1g -Xss1m\n",
                        4, "java.jvm-options", "expected a list, found the string '-Xmx1g -Xss1m'"),
                rule("list item without a value", BASE + "deploy-commands:\n  - migrate\n  -\n",
                        5, "deploy-commands[1]", "expected a string, found no value"),
                rule("scalar without a value", BASE + "aws-profile:\n",
                        3, "aws-profile", "expected a string, found no value"),
                rule("schedule entry that is not a mapping", BASE + "schedule:\n  - '* * * * * run'\n",
                        4, "schedule[0]", "expected a mapping of keys (cron, command), found the string '* * * * * run'"),
                rule("environment value that is a list", BASE + "environment:\n  HOSTS: [a, b]\n",
                        4, "environment.HOSTS", "expected a string, found a list"),

                // name and region
                rule("name with an underscore", "name: shop_dev\nregion: eu-west-1\n",
                        1, "name", "'shop_dev' must be lowercase letters, digits and hyphens, starting with a letter "
                                + "and not ending with a hyphen"),
                rule("name ending with a hyphen", "name: shop-\nregion: eu-west-1\n",
                        1, "name", "'shop-' must be lowercase letters"),
                rule("name too long for the assets bucket", "name: " + "a".repeat(57) + "\nregion: eu-west-1\n",
                        1, "name", "too long: the S3 assets bucket would be named '" + "a".repeat(57)
                                + "-assets' (64 characters; AWS allows at most 63)"),
                rule("name the assets bucket cannot take", "name: xn--shop\nregion: eu-west-1\n",
                        1, "name", "the assets bucket would be named 'xn--shop-assets', and S3 reserves names "
                                + "starting with xn-- or sthree-"),
                rule("region", "name: shop-dev\nregion: europe-west\n",
                        2, "region", "'europe-west' is not an AWS region name like eu-west-1 or us-east-1"),

                // Lambda limits
                rule("memory below Lambda's minimum", BASE + "http:\n  memory: 64\n",
                        4, "http.memory", "must be between 128 and 10240 MB (Lambda's limits), found 64"),
                rule("memory above Lambda's maximum", BASE + "cli:\n  memory: 20000\n",
                        4, "cli.memory", "must be between 128 and 10240 MB (Lambda's limits), found 20000"),
                rule("timeout above Lambda's maximum", BASE + "queue:\n  default:\n    timeout: 901\n",
                        5, "queue.default.timeout", "must be between 1 and 900 seconds (Lambda's limit), found 901"),
                rule("timeout zero", BASE + "cli:\n  timeout: 0\n",
                        4, "cli.timeout", "must be between 1 and 900 seconds (Lambda's limit), found 0"),
                rule("http timeout above API Gateway's limit", BASE + "http:\n  timeout: 31\n",
                        4, "http.timeout", "must be between 1 and 30 seconds: API Gateway's HTTP API waits at most "
                                + "30 seconds for the function, found 31"),
                rule("negative warm", BASE + "http:\n  warm: -1\n",
                        4, "http.warm", "must be between 0 and 10000 containers (the warmer sends one ping per container), found -1"),
                rule("warm beyond the warmer's limit", BASE + "http:\n  warm: 20000\n",
                        4, "http.warm", "must be between 0 and 10000 containers (the warmer sends one ping per container), found 20000"),
                rule("negative concurrency", BASE + "queue:\n  default:\n    concurrency: -2\n",
                        5, "queue.default.concurrency", "must be 0 or more, found -2"),
                rule("warm above reserved concurrency", BASE + "http:\n  concurrency: 2\n  warm: 5\n",
                        5, "http.warm", "keeps 5 containers warm but http.concurrency reserves only 2; "
                                + "the warmer would be throttled"),
                rule("snapstart not a boolean", BASE + "cli:\n  snapstart: sometimes\n",
                        4, "cli.snapstart", "expected true or false, found the string 'sometimes'"),
                rule("priming path without a slash", BASE + "http:\n  snapstart: true\n  prime: [api/health]\n",
                        5, "http.prime[0]", "'api/health' must be a path starting with /, with an optional query, like "
                                + "/api/products?page=1"),
                rule("priming path listed twice", BASE + "http:\n  snapstart: true\n  prime: [/a, /a]\n",
                        5, "http.prime[1]", "priming path '/a' is listed twice"),
                rule("too many priming rounds", BASE + "http:\n  snapstart: true\n  prime-rounds: 5000\n",
                        5, "http.prime-rounds", "must be between 1 and 1000 (times each priming path is requested), "
                                + "found 5000"),
                rule("tries zero", BASE + "queue:\n  default:\n    tries: 0\n",
                        5, "queue.default.tries", "must be 1 or more, found 0"),

                // backoff
                rule("backoff string that is not numbers", BASE + "queue:\n  default:\n    backoff: \"5, soon\"\n",
                        5, "queue.default.backoff", "'5, soon' is not a list of seconds like \"5, 10\": 'soon' is not a "
                                + "whole number"),
                rule("backoff above SQS's visibility limit", BASE + "queue:\n  default:\n    backoff: \"5, 50000\"\n",
                        5, "queue.default.backoff", "must be between 0 and 43200 seconds (SQS's longest visibility "
                                + "timeout is 12 hours), found 50000"),
                rule("backoff list with a string", BASE + "queue:\n  default:\n    backoff:\n      - 5\n      - ten\n",
                        7, "queue.default.backoff[1]", "expected a whole number, found the string 'ten'"),
                rule("backoff negative", BASE + "queue:\n  default:\n    backoff: -5\n",
                        5, "queue.default.backoff", "must be between 0 and 43200 seconds"),
                rule("backoff empty list", BASE + "queue:\n  default:\n    backoff: []\n",
                        5, "queue.default.backoff", "is empty; give the seconds to wait before each retry, like [5, 10]"),
                rule("backoff as a mapping", BASE + "queue:\n  default:\n    backoff: {first: 5}\n",
                        5, "queue.default.backoff", "expected a list, found a mapping"),

                // schedule
                rule("cron with a wrong hour", BASE + "schedule:\n  - cron: \"0 25 * * *\"\n    command: reports:send\n",
                        4, "schedule[0].cron", "cron expression '0 25 * * *': hour field: 25 in '25' is out of range 0-23"),
                rule("cron with a wrong day name", BASE + "schedule:\n  - cron: \"0 1 * * MON-FRY\"\n    command: a\n",
                        4, "schedule[0].cron", "cron expression '0 1 * * MON-FRY': day-of-week field: 'FRY' in 'MON-FRY' "
                                + "is not a number or one of SUN, MON, TUE, WED, THU, FRI, SAT"),
                rule("cron with six fields", BASE + "schedule:\n  - command: a\n    cron: \"0 0 1 * * ?\"\n",
                        5, "schedule[0].cron", "cron expression '0 0 1 * * ?' has 6 fields; expected 5: minute hour "
                                + "day-of-month month day-of-week"),
                rule("schedule entry without a command", BASE + "schedule:\n  - cron: \"@daily\"\n",
                        4, "schedule[0].command", "missing; the command to run, as given to hover:command"),

                // roles, certificate, domains
                rule("stack role that is not a role ARN", BASE + "auth:\n  stack-role: deployer\n",
                        4, "auth.stack-role", "'deployer' is not an IAM role ARN like arn:aws:iam::123456789012:role/my-role"),
                rule("lambda role with a short account", BASE + "auth:\n  lambda-role: arn:aws:iam::1234:role/x\n",
                        4, "auth.lambda-role", "'arn:aws:iam::1234:role/x' is not an IAM role ARN"),
                rule("certificate that is not an ACM ARN", BASE
                                + "http:\n  domains: [shop.example.com]\n  certificate: arn:aws:iam::123456789012:role/x\n",
                        5, "http.certificate", "'arn:aws:iam::123456789012:role/x' is not an ACM certificate ARN"),
                rule("certificate outside us-east-1", BASE + "http:\n  domains: [shop.example.com]\n"
                                + "  certificate: arn:aws:acm:eu-west-1:123456789012:certificate/abc-123\n",
                        5, "http.certificate", "the certificate is in eu-west-1; CloudFront only uses ACM certificates "
                                + "from us-east-1: request or import it there"),
                rule("domains without a certificate", BASE + "http:\n  domains:\n    - shop.example.com\n",
                        4, "http.domains", "custom domains need http.certificate: the ARN of an ACM certificate in "
                                + "us-east-1 that covers them"),
                rule("domain that is not a host name", BASE + "http:\n  domains: [https://shop.example.com]\n"
                                + "  certificate: arn:aws:acm:us-east-1:123456789012:certificate/abc\n",
                        4, "http.domains[0]", "'https://shop.example.com' is not a lowercase domain name like shop.example.com"),
                rule("domain listed twice", BASE + "http:\n  domains: [a.example.com, a.example.com]\n"
                                + "  certificate: arn:aws:acm:us-east-1:123456789012:certificate/abc\n",
                        4, "http.domains[1]", "domain 'a.example.com' is listed twice"),

                // environment
                rule("variable Lambda sets", BASE + "environment:\n  AWS_REGION: us-east-1\n",
                        4, "environment.AWS_REGION", "AWS_REGION is reserved: AWS_* variables are set by Lambda and cannot "
                                + "be changed here"),
                rule("_HANDLER", BASE + "environment:\n  _HANDLER: x\n",
                        4, "environment._HANDLER", "_HANDLER is reserved: Lambda sets it"),
                rule("LAMBDA_ prefix", BASE + "environment:\n  LAMBDA_TASK_ROOT: /tmp\n",
                        4, "environment.LAMBDA_TASK_ROOT", "LAMBDA_TASK_ROOT is reserved: LAMBDA_* variables are set by Lambda"),
                rule("HOVER_ prefix", BASE + "environment:\n  HOVER_STAGE: prod\n",
                        4, "environment.HOVER_STAGE", "HOVER_STAGE is reserved: HOVER_* variables are set by Hover"),
                rule("invalid variable name", BASE + "environment:\n  LOG-LEVEL: debug\n",
                        4, "environment.LOG-LEVEL", "'LOG-LEVEL' is not a valid variable name: use letters, digits and _, "
                                + "not starting with a digit"),
                rule("dotted property name", BASE + "environment:\n  spring.profiles.active: prod\n",
                        4, "environment.spring.profiles.active", "'spring.profiles.active' is a property name, and the"
                                + " environment holds process environment variables; perhaps you should write"
                                + " SPRING_PROFILES_ACTIVE, which the framework maps to spring.profiles.active"
                                + " (or pass -Dspring.profiles.active=… in java.jvm-options)"),

                // queues
                rule("queue claimed by two functions", BASE
                                + "queue:\n  default:\n    queues: [default, mail]\n  mailer:\n    queues:\n      - mail\n",
                        8, "queue.mailer.queues[0]", "queue 'mail' is already consumed by queue function 'default'; "
                                + "a queue feeds exactly one function"),
                rule("queue claimed by default by another function's list", BASE
                                + "queue:\n  mail:\n  default:\n    queues: [mail]\n",
                        6, "queue.default.queues[0]", "queue 'mail' is already consumed by queue function 'mail'"),
                rule("queue names one logical id apart", BASE + "queue:\n  default:\n    queues: [mail-out]\n"
                                + "  bulk:\n    queues: [Mail_Out]\n",
                        7, "queue.bulk.queues[0]", "queue 'Mail_Out' is too close to queue 'mail-out' of queue function "
                                + "'default': names that differ only in case, '-' or '_' would make the same "
                                + "CloudFormation resource; rename one"),
                rule("queue listed twice", BASE + "queue:\n  default:\n    queues: [a, a]\n",
                        5, "queue.default.queues[1]", "queue 'a' is listed twice"),
                rule("queue name SQS rejects", BASE + "queue:\n  default:\n    queues: [emails.fifo]\n",
                        5, "queue.default.queues[0]", "'emails.fifo' is not a queue name: SQS allows letters, digits, "
                                + "hyphens and underscores"),
                rule("queue name too long with the suffix", BASE + "queue:\n  default:\n    queues: [" + "q".repeat(72) + "]\n",
                        5, "queue.default.queues[0]", "too long: the SQS queue would be named '" + "q".repeat(72)
                                + "-shop-dev' (81 characters; AWS allows at most 80)"),
                rule("empty queues", BASE + "queue:\n  default:\n    queues: []\n",
                        5, "queue.default.queues", "is empty; leave it out to consume the queue 'default', or name at "
                                + "least one queue"),
                rule("queue function name unusable in a function name", BASE + "queue:\n  Mail_Jobs:\n    tries: 2\n",
                        4, "queue.Mail_Jobs", "the queue function name 'Mail_Jobs' must be lowercase letters"),
                rule("queue function name too long", BASE + "queue:\n  " + "f".repeat(50) + ":\n    queues: [a]\n",
                        4, "queue." + "f".repeat(50), "too long: the queue function would be named 'shop-dev-"
                                + "f".repeat(50) + "-queue' (65 characters; AWS allows at most 64)"),
                rule("queue section that is a list", BASE + "queue:\n  - default\n",
                        4, "queue", "expected a mapping of queue function names to their settings, found a list"),

                // http port and readiness
                rule("port zero", BASE + "http:\n  port: 0\n",
                        4, "http.port", "must be between 1 and 65535 (a TCP port), found 0"),
                rule("port too high", BASE + "http:\n  port: 70000\n",
                        4, "http.port", "must be between 1 and 65535 (a TCP port), found 70000"),
                rule("port of the Runtime API", BASE + "http:\n  port: 9001\n",
                        4, "http.port", "9001 is taken by Lambda's Runtime API inside the container; choose another port"),
                rule("readiness path without a slash", BASE + "http:\n  readiness-path: health\n",
                        4, "http.readiness-path", "'health' must be a path starting with /, like /actuator/health"),

                // java, vpc, assets
                rule("architecture", BASE + "java:\n  architecture: amd64\n",
                        4, "java.architecture", "'amd64' is not an architecture Lambda runs: use x86_64 or arm64"),
                rule("main class", BASE + "java:\n  main-class: com.example.My-App\n",
                        4, "java.main-class", "'com.example.My-App' is not a fully qualified Java class name"),
                rule("repository with a tag", BASE + "java:\n  repository: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop:latest\n",
                        4, "java.repository", "'123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop:latest' has a tag or digest; give the repository only, the build tags each image"),
                rule("vpc without subnets", BASE + "vpc:\n  security-groups: [sg-0123456789abcdef0]\n",
                        4, "vpc.subnets", "missing; functions in a VPC need at least one subnet"),
                rule("vpc with an empty list", BASE + "vpc:\n  security-groups: []\n  subnets: [subnet-01234567]\n",
                        4, "vpc.security-groups", "is empty; functions in a VPC need at least one security group"),
                rule("security group id", BASE + "vpc:\n  security-groups: [web]\n  subnets: [subnet-01234567]\n",
                        4, "vpc.security-groups[0]", "'web' is not a security group id like sg-0123456789abcdef0"),
                rule("asset build command without a directory", BASE + "assets:\n  build-command: npm run build\n",
                        4, "assets.build-command", "needs assets.directory: the directory the command's output is uploaded from"),
                rule("assets outside the project", BASE + "assets:\n  directory: ../shared/dist\n",
                        4, "assets.directory", "'../shared/dist' must be a directory inside the project, relative to it"),

                // the file as a whole
                rule("YAML syntax error", "name: shop-dev\nregion: eu-west-1\nhttp:\n  memory: 512\n    timeout: 20\n",
                        5, "", "YAML syntax error: mapping values are not allowed here"),
                rule("tab indentation", "name: shop-dev\nregion: eu-west-1\nhttp:\n\tmemory: 512\n",
                        4, "", "YAML syntax error: while scanning for the next token: found character"),
                rule("two documents", BASE + "---\nname: other\n",
                        3, "", "YAML syntax error: expected a single document in the stream: but found another document"),
                rule("empty file", "",
                        1, "", "the manifest is empty; it needs at least 'name' and 'region'"),
                rule("only comments", "# nothing yet\n",
                        1, "", "the manifest is empty; it needs at least 'name' and 'region'"),
                rule("a list at the top level", "- name: shop-dev\n",
                        1, "", "expected a mapping of keys (name, region, ...) at the top level, found a list"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void reportsTheProblemWithItsLineAndKeyPath(String rule, String yaml, int line, String keyPath, String message) {
        List<Problem> problems = problemsOf(yaml, "dev");

        assertThat(problems).as("problems of: %s", rule).hasSize(1);
        Problem problem = problems.get(0);
        assertThat(problem.message()).startsWith(message);
        assertThat(problem.line()).isEqualTo(line);
        assertThat(problem.keyPath()).isEqualTo(keyPath);
        assertThat(problem.file()).isEqualTo(".hover/dev.yml");
    }

    @org.junit.jupiter.api.Test
    void stageFromTheFileNameMustBeUsableInNames() {
        List<Problem> problems = problemsOf(BASE, "Prod");

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(1);
            assertThat(problem.keyPath()).isEmpty();
            assertThat(problem.message()).isEqualTo("the stage (the manifest's file name without .yml) must be lowercase "
                    + "letters, digits and hyphens, starting with a letter and not ending with a hyphen");
        });
    }

    private static List<Problem> problemsOf(String yaml, String stage) {
        ManifestException exception = catchThrowableOfType(ManifestException.class,
                () -> new ManifestReader().read(yaml, ".hover/" + stage + ".yml", stage));
        assertThat(exception).as("a ManifestException for:%n%s", yaml).isNotNull();
        return exception.problems();
    }
}
