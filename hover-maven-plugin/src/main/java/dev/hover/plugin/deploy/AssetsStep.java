package dev.hover.plugin.deploy;

import dev.hover.model.Names;
import dev.hover.plugin.aws.AssetsBucket;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Puts a build's assets under {@code assets/<build-id>/}. A file already in that prefix with the
 * same content is left alone (a retried deploy); a file whose content is in the live build's
 * prefix is copied inside the bucket; only new content is uploaded. Content is compared by MD5,
 * which is what S3 reports as the ETag of a single-part, SSE-S3 object.
 */
final class AssetsStep {
    static final int PARALLEL_TRANSFERS = 8;

    /** How many files went which way. */
    record Transfer(int uploaded, int copied, int unchanged) {
        String describe(boolean dryRun) {
            String verb = dryRun ? "would upload " : "uploaded ";
            return verb + uploaded + ", " + (dryRun ? "would copy " : "copied ") + copied + " unchanged from the live build, "
                    + unchanged + " already there";
        }
    }

    private enum Action { UPLOAD, COPY, KEEP }

    private record Plan(String relative, Path file, Action action, String copyFrom) {
    }

    private final AssetsBucket bucket;
    private final Names names;

    AssetsStep(AssetsBucket bucket, Names names) {
        this.bucket = bucket;
        this.names = names;
    }

    Steps.Outcome<Transfer> run(Optional<Path> directory, String buildId, Optional<String> liveBuildId,
                                boolean bucketExists, boolean dryRun) {
        if (directory.isEmpty()) {
            return Steps.Outcome.of(new Transfer(0, 0, 0), "no assets in this build");
        }
        String prefix = names.assetsPrefix(buildId);
        Map<String, String> already = bucketExists ? bucket.list(prefix) : Map.of();
        Map<String, String> liveKeyByMd5 = new HashMap<>();
        if (bucketExists && liveBuildId.filter(live -> !live.equals(buildId)).isPresent()) {
            String livePrefix = names.assetsPrefix(liveBuildId.get());
            bucket.list(livePrefix).forEach((relative, md5) -> liveKeyByMd5.putIfAbsent(md5, livePrefix + relative));
        }
        List<Plan> plans = files(directory.get()).stream().map(file -> {
            String relative = directory.get().relativize(file).toString().replace('\\', '/');
            String md5 = md5(file);
            if (md5.equals(already.get(relative))) {
                return new Plan(relative, file, Action.KEEP, null);
            }
            String live = liveKeyByMd5.get(md5);
            return live != null ? new Plan(relative, file, Action.COPY, live) : new Plan(relative, file, Action.UPLOAD, null);
        }).toList();
        if (!dryRun) {
            Parallel.map(plans, PARALLEL_TRANSFERS, plan -> {
                transfer(prefix, plan);
                return plan.action();
            });
        }
        Transfer transfer = new Transfer(count(plans, Action.UPLOAD), count(plans, Action.COPY), count(plans, Action.KEEP));
        return Steps.Outcome.of(transfer, transfer.describe(dryRun) + " (" + prefix + ")");
    }

    private void transfer(String prefix, Plan plan) {
        String name = plan.file().getFileName().toString();
        String type = AssetHeaders.contentType(name);
        String cache = AssetHeaders.cacheControl(name);
        switch (plan.action()) {
            case UPLOAD -> bucket.upload(prefix + plan.relative(), plan.file(), type, cache);
            case COPY -> bucket.copy(plan.copyFrom(), prefix + plan.relative(), type, cache);
            case KEEP -> { }
        }
    }

    private static int count(List<Plan> plans, Action action) {
        return (int) plans.stream().filter(p -> p.action() == action).count();
    }

    private static List<Path> files(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new DeployException("The build's assets directory " + directory + " is missing; rebuild with hover:build");
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the assets in " + directory, e);
        }
    }

    static String md5(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            byte[] buffer = new byte[64 * 1024];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the asset " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has MD5", e);
        }
    }
}
