package dev.hover.plugin.rollback;

import dev.hover.model.Names;
import dev.hover.model.StageManifest;
import dev.hover.plugin.aws.AssetsBucket;
import dev.hover.plugin.aws.Functions;
import dev.hover.plugin.aws.Identity;
import dev.hover.plugin.aws.StackState;
import dev.hover.plugin.aws.Stacks;
import dev.hover.plugin.deploy.LiveAliases;
import dev.hover.plugin.deploy.LiveRelease;
import dev.hover.plugin.deploy.StageAws;
import dev.hover.plugin.deploy.StageFunctions;
import dev.hover.plugin.lease.LeaseException;
import dev.hover.plugin.lease.StageLease;
import dev.hover.plugin.stage.StageSession;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * {@code hover:rollback} without Maven (docs/rollback.md): moves every {@code live} alias of a stage
 * back to the versions of an earlier build, found by the versions' descriptions. Every function is
 * checked to have a version of the target build before any alias moves.
 */
public final class RollbackService {
    private final Consumer<String> log;
    private final Clock clock;

    /** @param log gets the summary of what moved */
    public RollbackService(Consumer<String> log) {
        this(log, Clock.systemUTC());
    }

    /** @param clock judges whether another holder's lease has lapsed */
    public RollbackService(Consumer<String> log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /**
     * @param build   {@code -Dhover.build}: the build to roll to; empty: the one before the live build
     * @param dryRun  {@code -Dhover.dryRun}: print what would move, move nothing
     * @param breakLease {@code -Dhover.breakLease}: take the stage's lease even from a holder whose lease has not lapsed
     * @throws RollbackException                            when the stage is not deployed, there is nothing to roll
     *                                                      back to, the build is unknown, a function lacks it, or
     *                                                      another deploy or rollback holds the stage's lease
     * @throws dev.hover.plugin.aws.AwsException             when AWS refused, with what to do about it
     */
    public RollbackPlan rollback(StageSession session, Optional<String> build, boolean dryRun, boolean breakLease) {
        StageManifest manifest = session.manifest();
        String stage = manifest.stage();
        AssetsBucket bucket = new AssetsBucket(session.clients().s3(), Names.of(manifest).assetsBucket());
        if (!bucket.exists()) {
            throw new RollbackException("The stage " + stage + " is not deployed: its assets bucket " + bucket.name()
                    + " does not exist in " + manifest.region() + " (the first deploy makes it); there is nothing to "
                    + "roll back (mvn deploy -Dhover.stage=" + stage + " deploys it)");
        }
        if (dryRun) {
            StageLease.dryRunNotice(bucket, clock).ifPresent(log);
            return rollback(session, manifest, build, true);
        }
        StageLease.Claim claim = StageLease.claim(new Identity(session.clients().sts()), stage, "rollback", build,
                "roll back again");
        StageLease lease;
        try {
            lease = StageLease.take(bucket, claim, breakLease, clock, line -> log.accept("Warning: " + line));
        } catch (LeaseException e) {
            throw new RollbackException(e.getMessage());
        }
        try {
            return rollback(session, manifest, build, false);
        } finally {
            lease.close();
        }
    }

    private RollbackPlan rollback(StageSession session, StageManifest manifest, Optional<String> build, boolean dryRun) {
        String stage = manifest.stage();
        // a deploy (or a stack rollback) running now would move live again when it ends
        new Stacks(session.clients().cloudFormation(), StageAws.STACK_POLL_INTERVAL).describe(Names.of(manifest).stack())
                .filter(StackState::busy)
                .ifPresent(busy -> {
                    throw new RollbackException(busy.busyMessage(stage, "roll back again"));
                });
        Functions functions = new Functions(session.clients().lambda());
        RollbackPlan plan = plan(manifest, functions, build, dryRun);
        List<String> lines = summary(plan);
        if (!dryRun) {
            Map<String, String> targets = new LinkedHashMap<>();
            plan.moves().forEach((fn, move) -> {
                if (move.changes()) {
                    targets.put(fn, move.toVersion());
                }
            });
            LiveAliases.move(functions, targets);
        }
        lines.forEach(log);
        return plan;
    }

    private RollbackPlan plan(StageManifest manifest, Functions functions, Optional<String> requested, boolean dryRun) {
        Names names = Names.of(manifest);
        String stage = manifest.stage();
        List<String> stageFunctions = StageFunctions.of(manifest);
        LiveRelease live = LiveRelease.read(functions, stageFunctions);
        if (!live.versions().containsKey(names.httpFunction())) {
            throw new RollbackException("The stage " + stage + " is not deployed: " + names.httpFunction()
                    + " has no " + Names.LIVE_ALIAS + " alias on a published version in " + manifest.region()
                    + "; there is nothing to roll back (mvn deploy -Dhover.stage=" + stage + " deploys it)");
        }
        BuildHistory history = BuildHistory.read(functions, live);
        String from = history.liveBuild(live.versions())
                .orElseThrow(() -> new RollbackException("The live versions of stage " + stage + " (" + live.versions()
                        + ") were not published by hover:deploy (no 'hover build <id>' description): "
                        + "there is no release to roll back from"));
        SortedSet<String> known = history.knownBuilds();
        String to = requested.map(build -> {
            if (!known.contains(build)) {
                throw new RollbackException("hover.build: the stage " + stage + " has no build " + build
                        + "; its functions have versions of " + knownList(known, from));
            }
            return build;
        }).orElseGet(() -> history.buildBefore(from).orElseThrow(() -> new RollbackException(
                "Nothing to roll back to on stage " + stage + ": build " + from
                        + " is live and its functions have no version of an earlier build")));

        Map<String, RollbackPlan.Move> moves = new LinkedHashMap<>();
        Map<String, String> leftAlone = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String fn : stageFunctions) {
            String liveVersion = live.versions().get(fn);
            if (liveVersion == null) {
                leftAlone.put(fn, "no " + Names.LIVE_ALIAS + " alias yet (not deployed)");
                continue;
            }
            Optional<String> target = history.versionAt(fn, to);
            boolean core = fn.equals(names.httpFunction()) || fn.equals(names.cliFunction());
            if (target.isPresent()) {
                moves.put(fn, new RollbackPlan.Move(liveVersion, target.get()));
            } else if (core) {
                missing.add(fn);
            } else {
                // a queue function added since: the older build's code does not dispatch to it, so it stays
                leftAlone.put(fn, "added after build " + to + ": stays on version " + liveVersion);
            }
        }
        if (!missing.isEmpty()) {
            throw new RollbackException("Cannot roll back stage " + stage + " to build " + to + ": "
                    + missing.stream().map(fn -> fn + " has no version of it (versions of builds "
                            + String.join(", ", new TreeSet<>(history.builds().get(fn).values())) + ")")
                    .collect(Collectors.joining("; "))
                    + ". Nothing was moved.");
        }
        return new RollbackPlan(stage, names.stack(), manifest.region(), from, to, moves, leftAlone, dryRun);
    }

    private static String knownList(SortedSet<String> known, String live) {
        List<String> newestFirst = new ArrayList<>(known);
        Collections.reverse(newestFirst);
        return newestFirst.stream().map(b -> b.equals(live) ? b + " (live)" : b).collect(Collectors.joining(", "));
    }

    private static List<String> summary(RollbackPlan plan) {
        List<String> lines = new ArrayList<>();
        String direction = plan.toBuild().compareTo(plan.fromBuild()) < 0 ? "back" : "forward";
        boolean anything = plan.moves().values().stream().anyMatch(RollbackPlan.Move::changes);
        String where = " stage " + plan.stage() + " (" + plan.stack() + ", " + plan.region() + "): ";
        lines.add(!anything ? "Nothing to move on" + where + "the versions of build " + plan.toBuild() + " are live"
                : (plan.dryRun() ? "Dry run: would roll " + direction : "Rolled " + direction) + where
                + "build " + plan.fromBuild() + " -> build " + plan.toBuild());
        plan.moves().forEach((fn, move) -> lines.add("    " + fn + ":" + Names.LIVE_ALIAS + " " + move.fromVersion()
                + " -> " + move.toVersion() + (move.changes() ? "" : " (unchanged)")));
        plan.leftAlone().forEach((fn, why) -> lines.add("    " + fn + ":" + Names.LIVE_ALIAS + " left alone: " + why));
        if (anything) {
            lines.add("    Only the code and configuration inside the versions " + (plan.dryRun() ? "would move" : "moved")
                    + "; the stack (memory, timeouts, queues, schedules) stays as the last deploy left it, and no asset is uploaded.");
        }
        if (plan.dryRun()) {
            lines.add("    Dry run: nothing was moved.");
        }
        return lines;
    }
}
