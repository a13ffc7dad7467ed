package dev.hover.plugin.iam;

import dev.hover.plugin.network.Proxies;
import dev.hover.plugin.aws.AwsClients;
import dev.hover.plugin.aws.Identity;
import dev.hover.testsupport.LocalAws;
import dev.hover.testsupport.MotoServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The recorder behind {@link DeployerPolicyCheck}: it sees the plugin's calls and not the tests' own, and refusals are found. */
class AwsCallRecorderMotoTest {
    private static MotoServer moto;

    @BeforeAll
    static void startMoto() {
        moto = LocalAws.moto();
        moto.applyToSystemProperties();
    }

    @Test
    void recordsThePluginsCallsOnly() {
        AwsCallRecorder.take();
        try (AwsClients clients = new AwsClients("eu-west-1", DefaultCredentialsProvider.builder().build(), Proxies.none())) {
            clients.s3().listBuckets();
            new Identity(clients.sts()).whoAmI();
        }

        List<AwsCall> calls = AwsCallRecorder.take();
        assertThat(calls).extracting(AwsCall::operation).containsExactly("sts:GetCallerIdentity");
        assertThat(DeployerPolicyCheck.refused(calls)).isEmpty();
    }

    @Test
    void aCallOutsideThePolicyIsRefusedWithWhatItNeeded() {
        AwsCall otherStage = new AwsCall("s3:PutObject", List.of(new AwsCall.Permission("s3:PutObject",
                Optional.of("arn:aws:s3:::someone-elses-bucket/hover/lease.json"))));
        AwsCall otherService = new AwsCall("iam:CreateUser", List.of(new AwsCall.Permission("iam:CreateUser", Optional.empty())));
        AwsCall allowed = new AwsCall("s3:PutObject", List.of(new AwsCall.Permission("s3:PutObject",
                Optional.of("arn:aws:s3:::shop-dev-assets/hover/lease.json"))));

        assertThat(DeployerPolicyCheck.refused(List.of(otherStage, otherService, allowed))).containsExactly(
                "s3:PutObject needs s3:PutObject on arn:aws:s3:::someone-elses-bucket/hover/lease.json",
                "iam:CreateUser needs iam:CreateUser");
    }
}
