package dev.hover.model.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hover.model.Architecture;
import dev.hover.model.CliFunction;
import dev.hover.model.HttpFunction;
import dev.hover.model.JavaSettings;
import dev.hover.model.QueueFunction;
import dev.hover.model.ScheduleEntry;
import dev.hover.model.StageManifest;
import dev.hover.model.validation.ManifestException;
import dev.hover.model.validation.Problem;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestReaderTest {
    private final ManifestReader reader = new ManifestReader();

    static Path resource(String name) {
        try {
            return Path.of(ManifestReaderTest.class.getResource("/manifests/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void minimalManifestTakesEveryDefault() throws IOException {
        StageManifest manifest = reader.read(resource("minimal.yml"));

        assertThat(manifest.stage()).isEqualTo("minimal");
        assertThat(manifest.name()).isEqualTo("shop-staging");
        assertThat(manifest.region()).isEqualTo("eu-west-1");
        assertThat(manifest.awsProfile()).isEmpty();
        assertThat(manifest.environment()).isEmpty();
        assertThat(manifest.auth().stackRole()).isEmpty();
        assertThat(manifest.auth().lambdaRole()).isEmpty();
        assertThat(manifest.vpc()).isEmpty();
        assertThat(manifest.deployCommands()).isEmpty();
        assertThat(manifest.java()).isEqualTo(JavaSettings.defaults());
        assertThat(manifest.java().architecture()).isEqualTo(Architecture.X86_64);
        assertThat(manifest.http()).isEqualTo(new HttpFunction(1024, 28, 1, OptionalInt.empty(), List.of(),
                Optional.empty(), 8080, "/"));
        assertThat(manifest.cli()).isEqualTo(new CliFunction(1024, 900, OptionalInt.empty()));
        assertThat(manifest.queues()).isEmpty();
        assertThat(manifest.assets().directory()).isEmpty();
        assertThat(manifest.assets().buildCommand()).isEmpty();
        assertThat(manifest.schedule()).isEmpty();
    }

    @Test
    void maximalManifestKeepsEveryValueInFileOrder() throws IOException {
        StageManifest manifest = reader.read(resource("maximal.yml"));

        assertThat(manifest.stage()).isEqualTo("maximal");
        assertThat(manifest.name()).isEqualTo("shop-production");
        assertThat(manifest.awsProfile()).contains("shop-prod");
        assertThat(manifest.region()).isEqualTo("eu-central-1");
        assertThat(manifest.environment()).containsExactly(
                Map.entry("APP_ENV", "production"), Map.entry("LOG_LEVEL", "info"),
                Map.entry("FEATURE_FLAGS", "search,checkout"), Map.entry("MAX_UPLOAD_MB", "25"));
        assertThat(manifest.auth().stackRole()).contains("arn:aws:iam::123456789012:role/shop-production-cloudformation");
        assertThat(manifest.auth().lambdaRole()).contains("arn:aws:iam::123456789012:role/shop-production-lambda");
        assertThat(manifest.vpc()).hasValueSatisfying(vpc -> {
            assertThat(vpc.securityGroups()).containsExactly("sg-0a1b2c3d4e5f60718");
            assertThat(vpc.subnets()).containsExactly("subnet-0123456789abcdef0", "subnet-0fedcba9876543210");
        });
        assertThat(manifest.deployCommands()).containsExactly("db:migrate", "cache:clear");
        assertThat(manifest.java()).isEqualTo(new JavaSettings("public.ecr.aws/lambda/java:21", Architecture.ARM64,
                List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-Xmx1536m"),
                Optional.of("com.example.shop.ShopApplication"),
                Optional.of("123456789012.dkr.ecr.eu-central-1.amazonaws.com/shop")));
        assertThat(manifest.http()).isEqualTo(new HttpFunction(2048, 25, 3, OptionalInt.of(50),
                List.of("shop.example.com", "www.shop.example.com"),
                Optional.of("arn:aws:acm:us-east-1:123456789012:certificate/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"),
                8081, "/actuator/health/readiness", true, List.of("/", "/products?page=1"), 50));
        assertThat(manifest.cli()).isEqualTo(new CliFunction(1536, 600, OptionalInt.of(5)));
        assertThat(manifest.queues()).containsOnlyKeys("default", "reports");
        assertThat(manifest.queues().keySet()).containsExactly("default", "reports");
        assertThat(manifest.queues().get("default")).isEqualTo(new QueueFunction("default", 1024, 120,
                OptionalInt.of(10), 5, List.of(5, 30, 120), List.of("default", "notifications")));
        assertThat(manifest.queues().get("reports")).isEqualTo(new QueueFunction("reports", 3008, 900,
                OptionalInt.empty(), 2, List.of(60), List.of("reports"), true));
        assertThat(manifest.assets().directory()).contains("src/main/frontend/dist");
        assertThat(manifest.assets().buildCommand()).contains("npm ci && npm run build");
        assertThat(manifest.schedule()).containsExactly(
                new ScheduleEntry("*/5 * * * *", "orders:expire-carts"),
                new ScheduleEntry("0 3 * * MON-FRI", "reports:nightly --format=pdf"));
    }

    @Test
    void stageComesFromTheFileNameAndProblemsNameTheFile(@TempDir Path dir) throws IOException {
        Path file = Files.createDirectories(dir.resolve(".hover")).resolve("staging.yml");
        Files.writeString(file, "name: shop-staging\nregion: eu-west-1\n");
        assertThat(reader.read(file).stage()).isEqualTo("staging");

        Files.writeString(file, "name: shop-staging\nregion: Europe\n");
        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(ManifestException.class)
                .hasMessage(file + ":2:9: region: 'Europe' is not an AWS region name like eu-west-1 or us-east-1");
    }

    @Test
    void readsAManifestWrittenForTheOriginalHoverAsItIsAndWarnsThatItsDockerfileHasNoUse() throws IOException {
        List<String> warnings = new java.util.ArrayList<>();
        Path file = resource("original-hover.yml");

        StageManifest manifest = new ManifestReader(warnings::add).read(file);

        assertThat(manifest.name()).isEqualTo("shop-staging");
        assertThat(manifest.awsProfile()).contains("staging-account");
        assertThat(manifest.environment()).containsEntry("APP_DEBUG", "true").containsEntry("APP_ENV", "staging");
        assertThat(manifest.http().domains()).containsExactly("shop.example.com", "www.shop.example.com");
        assertThat(manifest.http().timeout()).isEqualTo(30);
        assertThat(manifest.http().warm()).isEqualTo(10);
        assertThat(manifest.cli().concurrency()).hasValue(100);
        assertThat(manifest.queues().get("default").backoff()).containsExactly(5, 10);
        assertThat(manifest.queues().get("default").queues()).containsExactly("default", "notifications");
        assertThat(manifest.deployCommands()).containsExactly("db:migrate --force");
        assertThat(warnings).containsExactly(file + ":6:1: dockerfile: ignored: the original Hover's Dockerfile"
                + " has no use here, Hover for Java builds the image without Docker (Jib): the base image is"
                + " java.base-image (default " + JavaSettings.DEFAULT_BASE_IMAGE + "), the JVM's options"
                + " java.jvm-options, the main class java.main-class; see \"Coming from Hover\" in docs/manifest.md");
    }

    @Test
    void domainsAsOneCommaSeparatedStringOrAList() {
        String certificate = "  certificate: arn:aws:acm:us-east-1:123456789012:certificate/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0\n";
        assertThat(reader.read("name: shop-dev\nregion: eu-west-1\nhttp:\n  domains: a.example.com,b.example.com ,  *.example.com\n"
                + certificate, "dev.yml", "dev").http().domains())
                .containsExactly("a.example.com", "b.example.com", "*.example.com");
        assertThat(reader.read("name: shop-dev\nregion: eu-west-1\nhttp:\n  domains: a.example.com\n" + certificate,
                "dev.yml", "dev").http().domains()).containsExactly("a.example.com");
        assertThat(reader.read("name: shop-dev\nregion: eu-west-1\nhttp:\n  domains: [a.example.com]\n" + certificate,
                "dev.yml", "dev").http().domains()).containsExactly("a.example.com");
    }

    @Test
    void aCommaSeparatedDomainsStringIsCheckedItemByItem() {
        String certificate = "  certificate: arn:aws:acm:us-east-1:123456789012:certificate/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0\n";
        assertThatThrownBy(() -> reader.read("name: shop-dev\nregion: eu-west-1\nhttp:\n"
                + "  domains: a.example.com, Bad_Name, a.example.com\n" + certificate, "dev.yml", "dev"))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("dev.yml:4:12: http.domains: 'Bad_Name' is not a lowercase domain name")
                .hasMessageContaining("dev.yml:4:12: http.domains: domain 'a.example.com' is listed twice");
        assertThatThrownBy(() -> reader.read("name: shop-dev\nregion: eu-west-1\nhttp:\n"
                + "  domains: a.example.com,, b.example.com\n" + certificate, "dev.yml", "dev"))
                .hasMessageContaining("dev.yml:4:12: http.domains: 'a.example.com,, b.example.com' has an empty item");
    }

    @Test
    void queueFunctionWithoutQueuesConsumesTheQueueNamedLikeIt() {
        StageManifest manifest = reader.read("""
                name: shop-dev
                region: eu-west-1
                queue:
                  default:
                  mail:
                    tries: 1
                """, "dev.yml", "dev");
        assertThat(manifest.queues().get("default")).isEqualTo(QueueFunction.defaults("default"));
        assertThat(manifest.queues().get("mail").queues()).containsExactly("mail");
        assertThat(manifest.queues().get("mail").tries()).isEqualTo(1);
    }

    @Test
    void backoffAsOneNumber() {
        StageManifest manifest = reader.read("""
                name: shop-dev
                region: eu-west-1
                queue:
                  default:
                    backoff: 30
                """, "dev.yml", "dev");
        assertThat(manifest.queues().get("default").backoff()).containsExactly(30);
    }

    @Test
    void primingPathsWithoutSnapStartAreForTheClassDataArchivesTraining() {
        StageManifest manifest = reader.read("""
                name: shop-dev
                region: eu-west-1
                http:
                  prime:
                    - /products
                    - /cart?empty=true
                  prime-rounds: 5
                """, "dev.yml", "dev");
        assertThat(manifest.http().snapstart()).isFalse();
        assertThat(manifest.http().prime()).containsExactly("/products", "/cart?empty=true");
        assertThat(manifest.http().primeRounds()).isEqualTo(5);
    }

    @Test
    void environmentValuesAreTakenAsWritten() {
        StageManifest manifest = reader.read("""
                name: shop-dev
                region: eu-west-1
                environment:
                  DEBUG: true
                  RATIO: 0.50
                  EMPTY:
                """, "dev.yml", "dev");
        assertThat(manifest.environment()).containsExactly(
                Map.entry("DEBUG", "true"), Map.entry("RATIO", "0.50"), Map.entry("EMPTY", ""));
    }

    @Test
    void everyProblemOfAFileIsReportedInFileOrder() {
        assertThatThrownBy(() -> reader.read("""
                name: Shop
                region: eu-west-1
                http:
                  memroy: 512
                  timeout: 60
                queue:
                  default:
                    tries: 0
                """, ".hover/dev.yml", "dev"))
                .isInstanceOfSatisfying(ManifestException.class, e -> assertThat(e.problems())
                        .extracting(Problem::line, Problem::keyPath)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple(1, "name"),
                                org.assertj.core.groups.Tuple.tuple(4, "http.memroy"),
                                org.assertj.core.groups.Tuple.tuple(5, "http.timeout"),
                                org.assertj.core.groups.Tuple.tuple(8, "queue.default.tries")))
                .hasMessage(String.join("\n",
                        ".hover/dev.yml:1:7: name: 'Shop' must be lowercase letters, digits and hyphens, "
                                + "starting with a letter and not ending with a hyphen",
                        ".hover/dev.yml:4:3: http.memroy: unknown key 'memroy'; did you mean 'memory'?",
                        ".hover/dev.yml:5:12: http.timeout: must be between 1 and 30 seconds: API Gateway's HTTP API "
                                + "waits at most 30 seconds for the function, found 60",
                        ".hover/dev.yml:8:12: queue.default.tries: must be 1 or more, found 0"));
    }
}
