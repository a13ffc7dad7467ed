package dev.hover.plugin.lease;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hover.plugin.aws.AssetsBucket;
import dev.hover.testsupport.LocalAws;
import dev.hover.testsupport.MotoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stage's lease on moto's S3, whose PutObject and DeleteObject honour {@code If-None-Match: *} and {@code If-Match}. */
class StageLeaseMotoTest {
    private static final String BUCKET = "shop-dev-assets";
    private static final StageLease.Claim DEPLOY = new StageLease.Claim("dev", "deploy", Optional.of("b1"),
            "arn:aws:iam::123456789012:user/alice", "alice@laptop", "deploy again");
    private static final StageLease.Claim ROLLBACK = new StageLease.Claim("dev", "rollback", Optional.empty(),
            "arn:aws:iam::123456789012:user/bob", "bob@desk", "roll back again");
    private static MotoServer moto;

    private S3Client s3;
    private AssetsBucket bucket;
    private final List<String> warnings = new ArrayList<>();

    @BeforeAll
    static void startMoto() {
        moto = LocalAws.moto();
        moto.applyToSystemProperties();
    }

    @BeforeEach
    void freshBucket() {
        moto.reset();
        s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).build();
        s3.createBucket(r -> r.bucket(BUCKET));
        bucket = new AssetsBucket(s3, BUCKET);
    }

    @AfterEach
    void closeClient() {
        s3.close();
    }

    private JsonNode leaseObject() throws Exception {
        return new ObjectMapper().readTree(s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(StageLease.KEY)).asByteArray());
    }

    @Test
    void aLeaseNamesItsHolderBlocksTheNextOneAndIsGoneOnceReleased() throws Exception {
        try (StageLease lease = StageLease.take(bucket, DEPLOY, false, Clock.systemUTC(), warnings::add)) {
            JsonNode stored = leaseObject();
            assertThat(stored.get("operation").asText()).isEqualTo("deploy");
            assertThat(stored.get("build").asText()).isEqualTo("b1");
            assertThat(stored.get("holder").asText()).isEqualTo("arn:aws:iam::123456789012:user/alice");
            assertThat(stored.get("by").asText()).isEqualTo("alice@laptop");
            Instant since = Instant.parse(stored.get("since").asText());
            assertThat(Instant.parse(stored.get("expires").asText())).isEqualTo(since.plus(StageLease.TTL));

            assertThatThrownBy(() -> StageLease.take(bucket, ROLLBACK, false, Clock.systemUTC(), warnings::add))
                    .isInstanceOf(LeaseException.class)
                    .hasMessage("The stage dev is being changed right now: the deploy of build b1 by "
                            + "arn:aws:iam::123456789012:user/alice (alice@laptop) since " + since + " holds its lease "
                            + "(s3://shop-dev-assets/hover/lease.json, renewed " + since + ", lapses at "
                            + since.plus(StageLease.TTL) + " unless renewed). Wait until it ends and roll back again. "
                            + "If that deploy was killed, its lease lapses by itself at " + since.plus(StageLease.TTL)
                            + "; to take it now, add -Dhover.breakLease (only when you are sure it is not running).");
            lease.confirmHeld();
        }
        assertThat(s3.listObjectsV2(r -> r.bucket(BUCKET)).contents()).isEmpty();
        assertThat(warnings).isEmpty();
        // released: the next one takes it
        StageLease.take(bucket, ROLLBACK, false, Clock.systemUTC(), warnings::add).close();
    }

    @Test
    void aRunningHolderRenewsItsLeaseBeyondItsTimeToLive() throws Exception {
        // the lease's times are to the second, so a short time to live is still a few seconds
        Duration ttl = Duration.ofSeconds(3);
        try (StageLease lease = StageLease.take(bucket, DEPLOY, false, Clock.systemUTC(), ttl, warnings::add)) {
            Instant since = lease.record().since();
            Thread.sleep(ttl.multipliedBy(2).toMillis());

            assertThat(lease.record().renewed()).isAfter(since);
            assertThat(Instant.parse(leaseObject().get("expires").asText())).isAfter(since.plus(ttl));
            assertThatThrownBy(() -> StageLease.take(bucket, ROLLBACK, false, Clock.systemUTC(), warnings::add))
                    .isInstanceOf(LeaseException.class).hasMessageContaining("the deploy of build b1 by");
            lease.confirmHeld();
        }
    }

    @Test
    void aHolderWhoseLeaseWasBrokenStopsAtItsNextCheck() throws Exception {
        Duration ttl = Duration.ofSeconds(3);
        StageLease first = StageLease.take(bucket, DEPLOY, false, Clock.systemUTC(), ttl, warnings::add);
        try (StageLease second = StageLease.take(bucket, ROLLBACK, true, Clock.systemUTC(), warnings::add)) {
            assertThat(warnings).singleElement().asString().startsWith("broke the lease of the deploy of build b1 by "
                    + "arn:aws:iam::123456789012:user/alice (alice@laptop) since");
            // its next renewal (every fifth of its time to live) finds the lease is someone else's
            Thread.sleep(ttl.dividedBy(2).toMillis());
            assertThatThrownBy(first::confirmHeld)
                    .isInstanceOf(LeaseException.class)
                    .hasMessageStartingWith("The lease of stage dev was lost: it was taken over by the rollback by "
                            + "arn:aws:iam::123456789012:user/bob (bob@desk) since")
                    .hasMessageEndingWith("This deploy stopped before its next step.");
            first.close();
            assertThat(leaseObject().get("holder").asText()).isEqualTo("arn:aws:iam::123456789012:user/bob");
            second.confirmHeld();
        }
    }

    @Test
    void aLapsedLeaseIsTakenOverWithAWarning() {
        StageLease killed = StageLease.take(bucket, DEPLOY, false, Clock.systemUTC(), warnings::add);
        Clock later = Clock.offset(Clock.systemUTC(), StageLease.TTL.plusSeconds(1));
        try (StageLease taken = StageLease.take(bucket, ROLLBACK, false, later, warnings::add)) {
            assertThat(taken.record().holder()).isEqualTo("arn:aws:iam::123456789012:user/bob");
            assertThat(warnings).singleElement().asString().startsWith("took over the lapsed lease of the deploy of build b1");
        } finally {
            killed.close();
        }
    }

    @Test
    void anObjectThatIsNotALeaseIsNamedAndOnlyBrokenOnRequest() {
        s3.putObject(r -> r.bucket(BUCKET).key(StageLease.KEY), RequestBody.fromString("{\"holder\": 7}"));

        assertThatThrownBy(() -> StageLease.take(bucket, DEPLOY, false, Clock.systemUTC(), warnings::add))
                .isInstanceOf(LeaseException.class)
                .hasMessage("s3://shop-dev-assets/hover/lease.json is not a lease Hover wrote: its field operation is "
                        + "missing or not a string. Delete it, or add -Dhover.breakLease, and deploy again.");
        StageLease.take(bucket, DEPLOY, true, Clock.systemUTC(), warnings::add).close();
        assertThat(warnings).containsExactly("broke the unreadable lease s3://shop-dev-assets/hover/lease.json (-Dhover.breakLease)");
    }

    @Test
    void aDryRunSeesTheHolderOfALeaseThatHasNotLapsed() {
        assertThat(StageLease.holder(bucket, Clock.systemUTC())).isEmpty();
        try (StageLease lease = StageLease.take(bucket, DEPLOY, false, Clock.systemUTC(), warnings::add)) {
            assertThat(StageLease.holder(bucket, Clock.systemUTC())).hasValueSatisfying(
                    holder -> assertThat(holder.token()).isEqualTo(lease.record().token()));
            assertThat(StageLease.holder(bucket, Clock.offset(Clock.systemUTC(), StageLease.TTL))).isEmpty();
        }
    }
}
