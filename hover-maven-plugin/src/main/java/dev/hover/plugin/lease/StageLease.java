package dev.hover.plugin.lease;

import dev.hover.plugin.aws.AssetsBucket;
import dev.hover.plugin.aws.Identity;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One change of a stage at a time (docs/deploy.md): a deploy or a rollback holds the stage's lease,
 * an object in its assets bucket written with S3's conditional writes, from before it changes
 * anything until it ends. The holder renews it while it runs; a lease whose holder was killed
 * lapses {@link #TTL} after its last renewal, or is broken on purpose ({@code -Dhover.breakLease}).
 */
public final class StageLease implements AutoCloseable {
    /** Where the lease lives in the assets bucket: outside {@code assets/}, so never served. */
    public static final String KEY = "hover/lease.json";
    /** How long a lease lasts after its last renewal: how long a killed deploy blocks the stage. */
    public static final Duration TTL = Duration.ofMinutes(5);
    private static final String CONTENT_TYPE = "application/json";
    /** Taking a lease that changes under us this often means others keep taking it: give up. */
    private static final int TAKE_ATTEMPTS = 3;

    /**
     * Who asks for the lease, and for what.
     *
     * @param stage     for messages
     * @param operation {@code deploy} or {@code rollback}
     * @param build     the build being deployed (a rollback may not know it yet)
     * @param holder    the caller identity's ARN
     * @param by        {@code user@host}, see {@link #localUser()}
     * @param retry     what the person does once the holder is done, e.g. {@code deploy again}
     */
    public record Claim(String stage, String operation, Optional<String> build, String holder, String by, String retry) {
    }

    private final AssetsBucket bucket;
    private final Claim claim;
    private final Clock clock;
    private final Duration ttl;
    private final Consumer<String> warn;
    private final ScheduledExecutorService renewer;
    private LeaseRecord record;
    private String etag;
    /** Why the lease is no longer ours; null while it is. */
    private volatile String lost;

    private StageLease(AssetsBucket bucket, Claim claim, Clock clock, Duration ttl, Consumer<String> warn,
                       LeaseRecord record, String etag) {
        this.bucket = bucket;
        this.claim = claim;
        this.clock = clock;
        this.ttl = ttl;
        this.warn = warn;
        this.record = record;
        this.etag = etag;
        this.renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hover-lease");
            thread.setDaemon(true);
            return thread;
        });
        // renewing five times per lifetime leaves four chances to get through a network hiccup
        long every = ttl.toMillis() / 5;
        renewer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Takes the stage's lease, or fails naming who holds it.
     *
     * @param breakLease take it even from a holder whose lease has not lapsed ({@code -Dhover.breakLease})
     * @param warn       gets a line when an earlier holder's lease is taken over, and when this one cannot be released
     * @throws LeaseException when another deploy or rollback holds it
     */
    public static StageLease take(AssetsBucket bucket, Claim claim, boolean breakLease, Clock clock, Consumer<String> warn) {
        return take(bucket, claim, breakLease, clock, TTL, warn);
    }

    static StageLease take(AssetsBucket bucket, Claim claim, boolean breakLease, Clock clock, Duration ttl,
                           Consumer<String> warn) {
        LeaseRecord tried = null;
        for (int attempt = 0; attempt < TAKE_ATTEMPTS; attempt++) {
            Instant now = now(clock);
            LeaseRecord mine = new LeaseRecord(claim.operation(), claim.build(), claim.holder(), claim.by(), now, now,
                    now.plus(ttl), UUID.randomUUID().toString());
            Optional<AssetsBucket.StoredObject> existing = bucket.read(KEY);
            if (tried != null && existing.isPresent() && isMine(existing.get(), tried)) {
                // the last attempt's write went through though its answer did not (the SDK retried it into a 412)
                return new StageLease(bucket, claim, clock, ttl, warn, tried, existing.get().etag());
            }
            tried = mine;
            Optional<String> written;
            if (existing.isEmpty()) {
                written = bucket.createIfAbsent(KEY, mine.toJson(), CONTENT_TYPE);
            } else {
                String takeOver = takeOverReason(bucket, claim, existing.get(), breakLease, now);
                written = bucket.replaceIfUnchanged(KEY, mine.toJson(), CONTENT_TYPE, existing.get().etag());
                written.ifPresent(ignored -> warn.accept(takeOver));
            }
            // held once read back as ours: S3 makes the conditional write atomic, a stand-in may only check, then write
            Optional<AssetsBucket.StoredObject> readBack = written.flatMap(ignored -> bucket.read(KEY));
            if (readBack.isPresent() && isMine(readBack.get(), mine)) {
                return new StageLease(bucket, claim, clock, ttl, warn, mine, readBack.get().etag());
            }
        }
        throw new LeaseException("Could not take the lease of stage " + claim.stage() + ": " + location(bucket)
                + " changed " + TAKE_ATTEMPTS + " times while trying (other deploys or rollbacks are starting); "
                + claim.retry() + " in a moment.");
    }

    /** The lease of the stage when someone holds it now: what a dry run mentions. */
    public static Optional<LeaseRecord> holder(AssetsBucket bucket, Clock clock) {
        return bucket.read(KEY).flatMap(object -> {
            try {
                return Optional.of(LeaseRecord.fromJson(object.content()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }).filter(lease -> !lease.expired(clock.instant()));
    }

    /** A claim by the identity of these credentials, from this process ({@link #localUser()}). */
    public static Claim claim(Identity identity, String stage, String operation, Optional<String> build, String retry) {
        return new Claim(stage, operation, build, identity.whoAmI().arn(), localUser(), retry);
    }

    /** What a dry run, which takes no lease, says when a deploy or rollback holds it now. */
    public static Optional<String> dryRunNotice(AssetsBucket bucket, Clock clock) {
        return holder(bucket, clock).map(holder -> "The " + holder.describe()
                + " holds the stage's lease: what this dry run shows may change when it ends.");
    }

    /** {@code user@host} of this process, as the lease names its holder beside the AWS identity. */
    public static String localUser() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "unknown-host";
            }
        }
        return System.getProperty("user.name", "unknown-user") + "@" + host;
    }

    /** Where the lease lives, as messages name it. */
    public static String location(AssetsBucket bucket) {
        return "s3://" + bucket.name() + "/" + KEY;
    }

    public LeaseRecord record() {
        synchronized (this) {
            return record;
        }
    }

    /**
     * Fails when the lease is no longer ours (taken over after this process could not renew it in
     * time): checked before every step that changes the stage.
     *
     * @throws LeaseException saying who has it now
     */
    public void confirmHeld() {
        String why = lost;
        if (why != null) {
            throw new LeaseException("The lease of stage " + claim.stage() + " was lost: " + why
                    + ". This " + claim.operation() + " stopped before its next step.");
        }
    }

    /**
     * Stops renewing and deletes the lease if it is still ours. Never throws: it runs after the work,
     * whatever happened; a lease it cannot delete is a warning (it lapses by itself).
     */
    @Override
    public void close() {
        renewer.shutdown();
        try {
            renewer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String why;
        synchronized (this) {
            if (lost == null) {
                try {
                    if (!bucket.deleteIfUnchanged(KEY, etag)) {
                        lost = "it had been taken over";
                    }
                } catch (RuntimeException e) {
                    lost = "it could not be deleted (" + e.getMessage() + "); it lapses at " + record.expires();
                }
            }
            why = lost;
        }
        if (why != null) {
            warn.accept("the lease " + location(bucket) + " was not released: " + why);
        }
    }

    private synchronized void renew() {
        if (lost != null) {
            return;
        }
        Instant now = now(clock);
        LeaseRecord next = record.renewedAt(now, ttl);
        try {
            Optional<String> written = bucket.replaceIfUnchanged(KEY, next.toJson(), CONTENT_TYPE, etag);
            if (written.isPresent()) {
                record = next;
                etag = written.get();
            } else {
                lost = "it was taken over by the " + holder(bucket, clock).map(LeaseRecord::describe).orElse("someone else");
            }
        } catch (RuntimeException e) {
            // a failed renewal is retried at the next turn, unless the lease has lapsed meanwhile
            if (record.expired(now)) {
                lost = "it could not be renewed before it lapsed at " + record.expires() + " (" + e.getMessage() + ")";
            }
        }
    }

    /** To the second: what the lease says is read by people. */
    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static boolean isMine(AssetsBucket.StoredObject object, LeaseRecord mine) {
        try {
            return LeaseRecord.fromJson(object.content()).token().equals(mine.token());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** @return the line that says whose lease is taken over; throws when it may not be */
    private static String takeOverReason(AssetsBucket bucket, Claim claim, AssetsBucket.StoredObject existing,
                                         boolean breakLease, Instant now) {
        LeaseRecord theirs;
        try {
            theirs = LeaseRecord.fromJson(existing.content());
        } catch (IllegalArgumentException e) {
            if (breakLease) {
                return "broke the unreadable lease " + location(bucket) + " (-Dhover.breakLease)";
            }
            throw new LeaseException(location(bucket) + " is not a lease Hover wrote: " + e.getMessage()
                    + ". Delete it, or add -Dhover.breakLease, and " + claim.retry() + ".");
        }
        if (theirs.expired(now)) {
            return "took over the lapsed lease of the " + theirs.describe() + " (it lapsed at " + theirs.expires()
                    + "; that " + theirs.operation() + " was killed or lost its connection)";
        }
        if (breakLease) {
            return "broke the lease of the " + theirs.describe() + " (-Dhover.breakLease); if it is still running, "
                    + "it stops before its next step";
        }
        throw new LeaseException("The stage " + claim.stage() + " is being changed right now: the "
                + theirs.describe() + " holds its lease (" + location(bucket) + ", renewed " + theirs.renewed()
                + ", lapses at " + theirs.expires() + " unless renewed). Wait until it ends and " + claim.retry()
                + ". If that " + theirs.operation() + " was killed, its lease lapses by itself at " + theirs.expires()
                + "; to take it now, add -Dhover.breakLease (only when you are sure it is not running).");
    }
}
