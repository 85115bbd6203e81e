package org.xenproject.supportstatus.snapshot;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.xenproject.supportstatus.release.ReleaseVersion;
import org.xenproject.supportstatus.release.RevisionPoint;
import org.xenproject.supportstatus.store.Provenance;
import org.xenproject.supportstatus.store.StoredRevision;
import org.xenproject.supportstatus.supportmd.SupportDocument;

/**
 * Everything the service answers from, as of one data version and one day: the releases, newest
 * first with {@code unstable} first, each with its current SUPPORT.md and point releases; and every
 * answer prepared from them so far, keyed by its meaning (docs/architecture.md). Nothing in it
 * changes once built; a new data version or a new day is a new snapshot, so nothing prepared can be
 * stale, and what goes, goes at once.
 *
 * <p>Histories, old revisions and the change feed are read from the store the first time they are
 * asked for, and kept here like any other prepared answer.
 */
public final class Snapshot {

    /** Past this, answers are still given but no longer kept: endless distinct questions cost work, never memory. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    static final int MAX_ENTRIES = 20_000;

    /** A prepared value that knows its size, so the memory kept stays bounded. */
    public interface Sized {
        long bytes();
    }

    /** What a request names is not there: answered 404. */
    public abstract static class NotFound extends NoSuchElementException {
        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(message);
        }
    }

    /** The release asked for has not been imported. */
    public static final class NoSuchRelease extends NotFound {
        private static final long serialVersionUID = 1L;

        NoSuchRelease(ReleaseVersion version) {
            super("No release " + version + " has been imported");
        }
    }

    /** No stored revision is where {@code at=} points, or the release had no file yet then. */
    public static final class NoSuchRevision extends NotFound {
        private static final long serialVersionUID = 1L;

        public NoSuchRevision(String message) {
            super(message);
        }
    }

    /** A release's file as it stood at a past revision. */
    public record Revision(StoredRevision stored, SupportDocument document) {}

    private final long version;
    private final Instant changedAt;
    private final LocalDate day;
    private final List<Release> releases;
    private final Stored stored;
    private final ConcurrentHashMap<Record, FutureTask<Object>> prepared = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong computations = new AtomicLong();

    Snapshot(long version, Instant changedAt, LocalDate day, List<Release> releases, Stored stored) {
        this.version = version;
        this.changedAt = changedAt;
        this.day = day;
        this.releases = List.copyOf(releases);
        this.stored = stored;
    }

    /** The same data for another day: lifecycle states, and so every answer, may differ. */
    Snapshot on(LocalDate otherDay) {
        return new Snapshot(version, changedAt, otherDay, releases, stored);
    }

    /** The data version: bumped by every import that stores something. */
    public long version() {
        return version;
    }

    /** When the import that made this version committed. */
    public Instant changedAt() {
        return changedAt;
    }

    /** Today, UTC, when this snapshot serves. */
    public LocalDate day() {
        return day;
    }

    public List<Release> releases() {
        return releases;
    }

    /** The release a request names: the one rule, a 404 when it has not been imported. */
    public Release release(ReleaseVersion version) {
        return releases.stream()
                .filter(r -> r.version().equals(version.name()))
                .findFirst()
                .orElseThrow(() -> new NoSuchRelease(version));
    }

    /** Every stored revision of the release, newest first, with what each changed. */
    public List<HistoryEntry> history(Release release) {
        return prepared(new HistoryOf(release.version()), () -> {
            List<StoredRevision> newestFirst = stored.revisions().of(release.version());
            Map<Long, SupportDocument> documents = stored.files()
                    .load(newestFirst.stream()
                            .map(StoredRevision::supportFileId)
                            .distinct()
                            .toList());
            return History.entries(History.steps(newestFirst, documents));
        });
    }

    /** Status and lifecycle changes across all releases, newest first. */
    public List<ChangeFeed.Entry> changes() {
        return prepared(new AllChanges(), () -> {
            List<StoredRevision> all = stored.revisions().all();
            return ChangeFeed.of(
                    all,
                    stored.files()
                            .load(all.stream()
                                    .map(StoredRevision::supportFileId)
                                    .distinct()
                                    .toList()));
        });
    }

    /** The release's file at a past revision, if the history has one there. */
    public Optional<Revision> at(Release release, RevisionPoint point) {
        return stored.revisions()
                .at(release.version(), point)
                .map(r -> new Revision(
                        r, stored.files().load(List.of(r.supportFileId())).get(r.supportFileId())));
    }

    /**
     * The releases as their branches' SUPPORT.md stood at {@code point}: each one's newest revision
     * committed on or before that day, or on or before that commit, with the point releases tagged
     * by then. Releases with no file yet are left out. Empty when no stored revision has that commit.
     */
    public Optional<List<Release>> releasesAt(RevisionPoint point) {
        return prepared(new ReleasesAt(point), () -> {
            List<StoredRevision> newestFirst =
                    prepared(new AllRevisions(), () -> stored.revisions().all());
            Optional<Instant> until = until(point, newestFirst);
            if (until.isEmpty()) {
                return Optional.<List<Release>>empty();
            }
            Map<String, StoredRevision> chosen = new HashMap<>();
            for (StoredRevision revision : newestFirst) {
                if (!time(revision).isAfter(until.get())) {
                    chosen.putIfAbsent(revision.release(), revision);
                }
            }
            Map<Long, SupportDocument> documents = stored.files()
                    .load(chosen.values().stream()
                            .map(StoredRevision::supportFileId)
                            .distinct()
                            .toList());
            List<Release> then = releases.stream()
                    .filter(release -> chosen.containsKey(release.version()))
                    .map(release -> {
                        StoredRevision r = chosen.get(release.version());
                        return new Release(
                                release.version(),
                                release.branch(),
                                r.id(),
                                r.supportFileId(),
                                new Provenance(r.commit(), r.committedAt(), r.sha256(), r.importedAt(), r.branchTip()),
                                documents.get(r.supportFileId()),
                                release.pointReleases().stream()
                                        .filter(p -> p.taggedAt() == null
                                                || !p.taggedAt().isAfter(until.get()))
                                        .toList(),
                                release.historyComplete());
                    })
                    .toList();
            return Optional.of(then);
        });
    }

    /** The last moment {@code point} takes in: the end of its day, or its commit's time. */
    private static Optional<Instant> until(RevisionPoint point, List<StoredRevision> newestFirst) {
        if (point instanceof RevisionPoint.Day day) {
            return Optional.of(day.day()
                    .plusDays(1)
                    .atStartOfDay()
                    .toInstant(ZoneOffset.UTC)
                    .minusNanos(1));
        }
        String prefix = ((RevisionPoint.Commit) point).prefix();
        List<StoredRevision> matches = newestFirst.stream()
                .filter(r -> r.commit() != null && r.commit().startsWith(prefix))
                .toList();
        if (matches.stream().map(StoredRevision::commit).distinct().count() > 1) {
            throw new RevisionPoint.Ambiguous(
                    "commit prefix '" + prefix + "' names more than one stored revision; " + "give more digits");
        }
        return matches.stream().findFirst().map(Snapshot::time);
    }

    private static Instant time(StoredRevision revision) {
        return revision.committedAt() != null ? revision.committedAt() : revision.importedAt();
    }

    /** The stored text of a support file. */
    public String content(long supportFileId) {
        return stored.files().content(supportFileId);
    }

    /* What the snapshot itself prepares from the store, kept like any answer. */

    private record HistoryOf(String release) {}

    private record AllChanges() {}

    private record AllRevisions() {}

    private record ReleasesAt(RevisionPoint point) {}

    /**
     * The answer to {@code key}, computed once for this snapshot: the same question asked meanwhile
     * waits for it rather than computing it again. A failure is not kept.
     */
    @SuppressWarnings("unchecked")
    public <T> T prepared(Record key, Supplier<T> compute) {
        // Nearly every call finds its answer: that path only reads.
        FutureTask<Object> task = prepared.get(key);
        FutureTask<Object> mine = null;
        if (task == null) {
            mine = new FutureTask<>(compute::get);
            task = prepared.size() < MAX_ENTRIES ? prepared.putIfAbsent(key, mine) : null;
        }
        if (task == null) {
            task = mine;
            computations.incrementAndGet();
            mine.run();
        }
        try {
            T value = (T) task.get();
            if (task == mine && value instanceof Sized sized && bytes.addAndGet(sized.bytes()) > MAX_BYTES) {
                prepared.remove(key, mine);
            }
            return value;
        } catch (ExecutionException e) {
            prepared.remove(key, task);
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while an answer was being prepared", e);
        }
    }

    /** How many answers this snapshot has computed, rather than given again. */
    public long computations() {
        return computations.get();
    }
}
