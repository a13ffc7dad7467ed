package dev.hover.plugin.deploy;

import dev.hover.model.Names;
import dev.hover.model.StageManifest;
import dev.hover.plugin.aws.AssetsBucket;
import dev.hover.plugin.aws.AwsClients;
import dev.hover.plugin.aws.EcrRepositories;
import dev.hover.plugin.aws.Functions;
import dev.hover.plugin.aws.Identity;
import dev.hover.plugin.aws.Stacks;

import java.time.Duration;

/** The AWS services one stage's deploy talks to, all in the stage's region with the same credentials. */
public record StageAws(String region, Identity identity, EcrRepositories repositories, AssetsBucket bucket, Stacks stacks, Functions functions) {
    /** Polling CloudFormation more often than this only spends API quota. */
    public static final Duration STACK_POLL_INTERVAL = Duration.ofSeconds(3);
    /** A SnapStart snapshot takes tens of seconds to minutes; a version without one is ready at once. */
    public static final Duration VERSION_POLL_INTERVAL = Duration.ofSeconds(3);

    public static StageAws of(AwsClients clients, StageManifest manifest) {
        return new StageAws(clients.region(),
                new Identity(clients.sts()),
                new EcrRepositories(clients.ecr()),
                new AssetsBucket(clients.s3(), Names.of(manifest).assetsBucket()),
                new Stacks(clients.cloudFormation(), STACK_POLL_INTERVAL),
                new Functions(clients.lambda()));
    }
}
