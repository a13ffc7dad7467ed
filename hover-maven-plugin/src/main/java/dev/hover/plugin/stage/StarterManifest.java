package dev.hover.plugin.stage;

import dev.hover.model.CliFunction;
import dev.hover.model.HttpFunction;
import dev.hover.model.JavaSettings;
import dev.hover.model.QueueFunction;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The text of a new {@code .hover/<stage>.yml}: the given keys set, every other key commented
 * out with its default and what it does, so the file documents itself. Defaults come from the
 * model's constants, so the comments cannot drift from what the reader applies.
 */
final class StarterManifest {
    // what YAML reads back unchanged without quotes (no ": ", " #", leading indicator)
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/@+=,:-]*");

    private StarterManifest() {
    }

    static String render(NewStage stage) {
        String s = stage.stage();
        return """
                # Stage "%1$s" of this application, for Hover.
                # Every key is described in Hover's docs/manifest.md. Commented keys show their defaults:
                # uncomment and change the ones you need. Check this file with mvn hover:synth -Dhover.stage=%1$s

                # Prefixes every AWS name of the stage: stack, functions, queues, bucket, repository.
                # Never change it after the first deploy: AWS would see a different stage.
                name: %2$s

                # The AWS region the stage lives in.
                region: %3$s

                # The profile from ~/.aws/config to deploy with; ignored when credentials come from the
                # environment (AWS_ACCESS_KEY_ID, web identity, ... as in CI).
                %4$s

                # Plain, non-secret environment variables of every function. Secrets go in
                # .hover/%1$s-secrets.plain.env and are encrypted with hover:secret-encrypt.
                # environment:
                #   APP_ENV: %1$s

                # Roles: CloudFormation assumes stack-role to apply the stack (default: your own
                # credentials); the functions run as lambda-role (default: the stack creates a minimal role).
                %5$s

                # Run the functions inside a VPC (default: no VPC).
                # vpc:
                #   security-groups: [sg-0123456789abcdef0]
                #   subnets: [subnet-0123456789abcdef0, subnet-0fedcba9876543210]

                # Commands run on the new version before it goes live; if one fails, nothing is released.
                # deploy-commands:
                #   - db:migrate

                # The image and the JVM.
                # java:
                #   base-image: %6$-14s # must provide a JVM
                #   architecture: %7$-12s # or arm64
                #   jvm-options: ["-Xmx768m"] # added after Hover's defaults: %8$s
                #   main-class: com.example.Application # default: from the project's jar manifest
                #   repository: 123456789012.dkr.ecr.%3$s.amazonaws.com/shared # default: the stage's ECR repository

                # The function that serves HTTP (through API Gateway and CloudFront).
                # http:
                #   memory: %9$-18d # MB, 128-10240
                #   timeout: %10$-17d # seconds, 1-30 (API Gateway's limit)
                #   warm: %11$-20d # containers kept warm; 0 turns the warmer off
                #   concurrency: 10            # reserved concurrency (default: unreserved)
                #   domains: [www.example.com] # custom domains, need a certificate
                #   certificate: arn:aws:acm:us-east-1:123456789012:certificate/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0 # ACM, us-east-1
                #   port: %12$-20d # the port the application listens on
                #   readiness-path: %13$-10s # answers once the application can serve

                # The function that runs commands, deploy commands and the schedule.
                # cli:
                #   memory: %14$-18d # MB
                #   timeout: %15$-17d # seconds, 1-900
                #   concurrency: 2             # reserved concurrency (default: unreserved)

                # Queue functions: each works on jobs from its queues (default: none).
                # queue:
                #   default:
                #     memory: %16$-16d # MB
                #     timeout: %17$-15d # seconds a batch may take
                #     concurrency: 5           # reserved concurrency (default: unreserved)
                #     tries: %18$-17d # runs of a job before it fails for good
                #     backoff: "%19$s"             # seconds before each retry, the last repeats
                #     queues: [default]        # default: one queue named like the function

                # Static files served by CloudFront under /assets/ (default: none).
                # assets:
                #   directory: src/main/frontend/dist
                #   build-command: npm ci && npm run build

                # Commands schedule:run runs when their cron (5 fields, UTC) matches the minute.
                # schedule:
                #   - cron: "0 3 * * *"
                #     command: reports:nightly
                """.formatted(
                s,
                stage.name(),
                stage.region(),
                stage.profile().map(profile -> "aws-profile: " + scalar(profile)).orElse("# aws-profile: default"),
                auth(stage),
                JavaSettings.DEFAULT_BASE_IMAGE,
                JavaSettings.DEFAULT_ARCHITECTURE.lambdaName(),
                String.join(" ", JavaSettings.DEFAULT_JVM_OPTIONS),
                HttpFunction.DEFAULT_MEMORY,
                HttpFunction.DEFAULT_TIMEOUT,
                HttpFunction.DEFAULT_WARM,
                HttpFunction.DEFAULT_PORT,
                HttpFunction.DEFAULT_READINESS_PATH,
                CliFunction.DEFAULT_MEMORY,
                CliFunction.DEFAULT_TIMEOUT,
                QueueFunction.DEFAULT_MEMORY,
                QueueFunction.DEFAULT_TIMEOUT,
                QueueFunction.DEFAULT_TRIES,
                QueueFunction.DEFAULT_BACKOFF.stream().map(String::valueOf).collect(Collectors.joining(", ")));
    }

    private static String auth(NewStage stage) {
        if (stage.stackRole().isEmpty() && stage.lambdaRole().isEmpty()) {
            return """
                    # auth:
                    #   stack-role: arn:aws:iam::123456789012:role/cloudformation-deployer
                    #   lambda-role: arn:aws:iam::123456789012:role/my-app-lambda""";
        }
        return "auth:\n" + role("stack-role", stage.stackRole(), "cloudformation-deployer") + "\n"
                + role("lambda-role", stage.lambdaRole(), "my-app-lambda");
    }

    private static String role(String key, Optional<String> arn, String example) {
        return arn.map(value -> "  " + key + ": " + scalar(value))
                .orElse("  # " + key + ": arn:aws:iam::123456789012:role/" + example);
    }

    /** A value as YAML reads it back: plain when that is safe, else single-quoted. */
    static String scalar(String value) {
        return PLAIN.matcher(value).matches() ? value : "'" + value.replace("'", "''") + "'";
    }
}
