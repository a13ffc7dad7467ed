package dev.hover.template;

import dev.hover.model.Architecture;
import dev.hover.model.Assets;
import dev.hover.model.Auth;
import dev.hover.model.CliFunction;
import dev.hover.model.HttpFunction;
import dev.hover.model.JavaSettings;
import dev.hover.model.QueueFunction;
import dev.hover.model.ScheduleEntry;
import dev.hover.model.StageManifest;
import dev.hover.model.Vpc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Manifests built by hand: the smallest a stage can be, and one that uses every feature of the stack. */
final class TestManifests {
    static final String IMAGE_URI = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop-staging:build-42";
    static final String BUILD_ID = "build-42";
    static final String CERTIFICATE = "arn:aws:acm:us-east-1:123456789012:certificate/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";

    private TestManifests() {
    }

    static StageManifest minimal() {
        return new StageManifest("dev", "shop-dev", Optional.empty(), "eu-west-1", Map.of(), Auth.NONE,
                Optional.empty(), List.of(), java(Architecture.X86_64),
                new HttpFunction(HttpFunction.DEFAULT_MEMORY, HttpFunction.DEFAULT_TIMEOUT, HttpFunction.DEFAULT_WARM,
                        OptionalInt.empty(), List.of(), Optional.empty(), HttpFunction.DEFAULT_PORT,
                        HttpFunction.DEFAULT_READINESS_PATH),
                new CliFunction(CliFunction.DEFAULT_MEMORY, CliFunction.DEFAULT_TIMEOUT, OptionalInt.empty()),
                Map.of(), Assets.NONE, List.of());
    }

    /** VPC, two custom domains with a certificate, two queue functions serving three queues, schedule, deploy commands. */
    static StageManifest maximal() {
        Map<String, QueueFunction> queues = new LinkedHashMap<>();
        queues.put("mailer", mailer(List.of("emails", "newsletters")));
        queues.put("reports", new QueueFunction("reports", 2048, 300, OptionalInt.empty(), 3, List.of(0),
                List.of("reports"), true));
        return maximal(3008, queues);
    }

    static QueueFunction mailer(List<String> queues) {
        return new QueueFunction("mailer", 512, 60, OptionalInt.of(4), 5, List.of(10, 60), queues);
    }

    static StageManifest maximal(int httpMemory, Map<String, QueueFunction> queues) {
        return new StageManifest("staging", "shop-staging", Optional.of("shop"), "eu-west-1",
                Map.of("APP_ENV", "staging"),
                Auth.NONE,
                Optional.of(new Vpc(List.of("sg-0123456789abcdef0"),
                        List.of("subnet-0123456789abcdef0", "subnet-0fedcba9876543210"))),
                List.of("db:migrate", "cache:clear"),
                java(Architecture.ARM64),
                new HttpFunction(httpMemory, 28, 3, OptionalInt.of(50),
                        List.of("shop.example.com", "www.shop.example.com"), Optional.of(CERTIFICATE), 8080, "/health",
                        true, List.of("/", "/products"), HttpFunction.DEFAULT_PRIME_ROUNDS),
                new CliFunction(1024, 900, OptionalInt.of(5)),
                queues,
                new Assets(Optional.of("src/main/assets"), Optional.of("npm run build")),
                List.of(new ScheduleEntry("0 3 * * *", "reports:nightly"),
                        new ScheduleEntry("*/15 * * * *", "cache:prune")));
    }

    static StageManifest withQueues(StageManifest manifest, Map<String, QueueFunction> queues) {
        return new StageManifest(manifest.stage(), manifest.name(), manifest.awsProfile(), manifest.region(),
                manifest.environment(), manifest.auth(), manifest.vpc(), manifest.deployCommands(), manifest.java(),
                manifest.http(), manifest.cli(), queues, manifest.assets(), manifest.schedule());
    }

    private static JavaSettings java(Architecture architecture) {
        return new JavaSettings(JavaSettings.DEFAULT_BASE_IMAGE, architecture, List.of(),
                Optional.empty(), Optional.empty());
    }
}
