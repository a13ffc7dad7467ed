package dev.hover.plugin.purge;

import dev.hover.model.HoverException;
import dev.hover.model.Names;
import dev.hover.model.StageManifest;
import dev.hover.plugin.aws.AssetsBucket;
import dev.hover.plugin.aws.AwsErrors;
import dev.hover.plugin.aws.EcrRepositories;
import dev.hover.plugin.aws.Functions;
import dev.hover.plugin.aws.Identity;
import dev.hover.plugin.aws.StackState;
import dev.hover.plugin.aws.Stacks;
import dev.hover.plugin.deploy.LiveRelease;
import dev.hover.plugin.deploy.StageAws;
import dev.hover.plugin.deploy.StageFunctions;
import dev.hover.plugin.image.BuildId;
import dev.hover.plugin.lease.LeaseException;
import dev.hover.plugin.lease.StageLease;
import dev.hover.plugin.rollback.BuildHistory;
import dev.hover.plugin.stage.StageSession;
import dev.hover.template.StackOutputs;
import software.amazon.awssdk.core.exception.SdkException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * {@code hover:stage-purge} without Maven (docs/stage-purge.md): removes the function versions, the image
 * tag and the assets prefix of a stage's old builds. The builds are those of the release record
 * ({@link BuildHistory}: the versions' descriptions), of the stage's ECR repository (tags) and of the
 * assets bucket ({@code assets/<build>/}); the live build, the one before it, the stack's and
 * {@code keep} more stay. A build's versions go first, and its image and assets only once none of its
 * versions is left, so that no rollback can land on a version whose image is gone; a build any of whose
 * parts is left is found again, and finished, by the next run.
 */
public final class StagePurge {
    /** Builds kept besides the live one and the one before it when {@code hover.keep} is not given. */
    public static final int DEFAULT_KEEP = 3;
    private static final String ASSETS = "assets/";

    private final Consumer<String> log;
    private final Clock clock;

    public StagePurge(Consumer<String> log) {
        this(log, Clock.systemUTC());
    }

    /** @param clock judges whether another holder's lease has lapsed */
    public StagePurge(Consumer<String> log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /**
     * @param keep       {@code -Dhover.keep}: builds kept besides the live one and the one before it
     * @param dryRun     {@code -Dhover.dryRun}: list what would go, remove nothing
     * @param breakLease {@code -Dhover.breakLease}: take the stage's lease even from a holder whose lease has not lapsed
     * @throws PurgeException when the stage is not deployed, is being changed, or a build could not be
     *                        fully removed (after the report)
     */
    public PurgeReport purge(StageSession session, int keep, boolean dryRun, boolean breakLease) {
        StageManifest manifest = session.manifest();
        String stage = manifest.stage();
        if (keep < 0) {
            throw new PurgeException("-Dhover.keep is " + keep + "; it takes 0 or more: how many builds to keep "
                    + "besides the live one and the one before it");
        }
        AssetsBucket bucket = new AssetsBucket(session.clients().s3(), Names.of(manifest).assetsBucket());
        if (!bucket.exists()) {
            throw new PurgeException("The stage " + stage + " is not deployed: its assets bucket " + bucket.name()
                    + " does not exist in " + manifest.region() + "; there is nothing to purge");
        }
        if (dryRun) {
            StageLease.dryRunNotice(bucket, clock).ifPresent(log);
            return purge(session, bucket, keep, Optional.empty());
        }
        StageLease.Claim claim = StageLease.claim(new Identity(session.clients().sts()), stage, "purge",
                Optional.empty(), "purge again");
        StageLease lease;
        try {
            lease = StageLease.take(bucket, claim, breakLease, clock, line -> log.accept("Warning: " + line));
        } catch (LeaseException e) {
            throw new PurgeException(e.getMessage());
        }
        try {
            return purge(session, bucket, keep, Optional.of(lease));
        } finally {
            lease.close();
        }
    }

    /** @param lease held for a real purge; empty for a dry run */
    private PurgeReport purge(StageSession session, AssetsBucket bucket, int keep, Optional<StageLease> lease) {
        StageManifest manifest = session.manifest();
        Names names = Names.of(manifest);
        String stage = manifest.stage();
        Optional<StackState> stack = new Stacks(session.clients().cloudFormation(), StageAws.STACK_POLL_INTERVAL)
                .describe(names.stack());
        stack.filter(StackState::busy).ifPresent(busy -> {
            throw new PurgeException(busy.busyMessage(stage, "purge again"));
        });
        Functions functions = new Functions(session.clients().lambda());
        LiveRelease live = LiveRelease.read(functions, StageFunctions.of(manifest));
        if (!live.versions().containsKey(names.httpFunction())) {
            throw new PurgeException("The stage " + stage + " is not deployed: " + names.httpFunction() + " has no "
                    + Names.LIVE_ALIAS + " alias on a published version in " + manifest.region()
                    + "; Hover cannot tell its old builds from its new ones. Nothing was removed.");
        }
        BuildHistory history = BuildHistory.read(functions, live);
        String liveBuild = history.liveBuild(live.versions()).orElseThrow(() -> new PurgeException(
                "The live versions of stage " + stage + " (" + live.versions() + ") were not published by hover:deploy "
                        + "(no 'hover build <id>' description): Hover cannot tell its old builds from its new ones. "
                        + "Nothing was removed."));

        EcrRepositories repositories = new EcrRepositories(session.clients().ecr());
        Optional<String> sharedRepository = manifest.java().repository();
        Set<String> imageTags = sharedRepository.isPresent() ? Set.of()
                : repositories.images(names.repository()).stream().flatMap(image -> image.tags().stream())
                .filter(BuildId::is).collect(Collectors.toSet());
        Set<String> assetBuilds = bucket.childPrefixes(ASSETS).stream().filter(BuildId::is).collect(Collectors.toSet());
        PurgePlan plan = PurgePlan.of(history, live.versions(), liveBuild,
                stack.map(s -> s.outputs().get(StackOutputs.BUILD_ID)), imageTags, assetBuilds, keep, names);

        boolean dryRun = lease.isEmpty();
        log.accept((dryRun ? "Dry run: purge of stage " : "Purge of stage ") + stage + " (" + names.stack() + ", "
                + manifest.region() + "): build " + liveBuild + " is live; keeping " + plan.kept().size() + " build(s), "
                + (dryRun ? "would remove " : "removing ") + plan.old().size());
        plan.kept().forEach((b, why) -> log.accept("    kept: build " + b + " (" + why + ")"));
        sharedRepository.ifPresent(r -> log.accept("    kept: every image of java.repository " + r + " (not the stage's "
                + "own repository: it may serve others; remove its old tags there yourself)"));
        List<PurgeReport.PurgedBuild> purged = new ArrayList<>();
        for (PurgePlan.OldBuild old : plan.old()) {
            PurgeReport.PurgedBuild outcome = lease
                    .map(held -> remove(held, functions, repositories, names.repository(), bucket, old))
                    .orElseGet(() -> new PurgeReport.PurgedBuild(old.build(), old.versions(), old.imageTag(), old.assets(),
                            old.assets().isEmpty() ? 0 : bucket.list(old.assets()).size(), List.of()));
            log.accept("    " + line(outcome, dryRun));
            purged.add(outcome);
        }
        PurgeReport report = new PurgeReport(stage, names.stack(), manifest.region(), liveBuild, keep, dryRun,
                plan.kept(), purged);
        if (dryRun) {
            log.accept("    Dry run: nothing was removed.");
        } else if (!report.complete()) {
            throw new PurgeException("Stage " + stage + " is not fully purged: " + purged.stream()
                    .filter(b -> !b.failures().isEmpty())
                    .map(b -> "build " + b.build() + ": " + String.join("; ", b.failures()))
                    .collect(Collectors.joining("; ")) + ". Running hover:stage-purge again goes on from where this one stopped.");
        } else {
            log.accept(purged.isEmpty() ? "Nothing to purge on stage " + stage + ": every build it has is kept."
                    : "Purged stage " + stage + ": " + purged.size() + " old build(s) removed.");
        }
        return report;
    }

    /** Its versions first; its image and assets only once every one of them is gone. */
    private static PurgeReport.PurgedBuild remove(StageLease lease, Functions functions, EcrRepositories repositories,
                                                  String repository, AssetsBucket bucket, PurgePlan.OldBuild old) {
        String build = old.build();
        String tag = old.imageTag();
        String prefix = old.assets();
        List<String> deleted = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (String qualified : old.versions()) {
            String fn = qualified.substring(0, qualified.lastIndexOf(':'));
            String version = qualified.substring(qualified.lastIndexOf(':') + 1);
            attempt(lease, "version " + qualified, failures, () -> {
                functions.deleteVersion(fn, version);
                deleted.add(qualified);
            });
        }
        if (!failures.isEmpty()) {
            failures.add("its image and assets are kept while a version of it is left, so that no rollback lands on "
                    + "a version without its image");
            return new PurgeReport.PurgedBuild(build, deleted, "", "", 0, failures);
        }
        if (!tag.isEmpty()) {
            attempt(lease, "image tag " + repository + ":" + tag, failures, () -> repositories.untag(repository, List.of(tag))
                    .forEach((t, why) -> failures.add("image tag " + repository + ":" + t + ": " + why)));
        }
        int[] objects = {0};
        if (!prefix.isEmpty()) {
            attempt(lease, "assets " + prefix, failures, () -> objects[0] = bucket.deleteAllVersionsUnder(prefix));
        }
        return new PurgeReport.PurgedBuild(build, deleted, tag, prefix, objects[0], failures);
    }

    /** One part of a build; what stops it is recorded, and the other parts still go. The lease is checked first. */
    private static void attempt(StageLease lease, String part, List<String> failures, Runnable removal) {
        try {
            lease.confirmHeld();
        } catch (LeaseException e) {
            throw new PurgeException(e.getMessage());
        }
        try {
            removal.run();
        } catch (HoverException e) {
            failures.add(part + ": " + e.getMessage());
        } catch (SdkException e) {
            failures.add(part + ": " + AwsErrors.explain("remove the " + part, e).getMessage());
        }
    }

    private static String line(PurgeReport.PurgedBuild build, boolean dryRun) {
        List<String> parts = new ArrayList<>();
        if (!build.versions().isEmpty()) {
            parts.add("versions " + String.join(", ", build.versions()));
        }
        if (!build.imageTag().isEmpty()) {
            parts.add("image tag " + build.imageTag());
        }
        if (!build.assets().isEmpty()) {
            parts.add(build.assetObjects() + (dryRun ? " asset object(s)" : " asset object version(s)") + " under " + build.assets());
        }
        if (!build.failures().isEmpty()) {
            return "could not remove: build " + build.build() + " (" + String.join("; ", build.failures())
                    + (parts.isEmpty() ? "" : "; removed: " + String.join("; ", parts)) + ")";
        }
        return (dryRun ? "would remove: build " : "removed: build ") + build.build() + " ("
                + (parts.isEmpty() ? "nothing of it was left" : String.join("; ", parts)) + ")";
    }
}
