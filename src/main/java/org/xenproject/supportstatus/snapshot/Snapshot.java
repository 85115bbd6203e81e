package org.xenproject.supportstatus.snapshot;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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
import org.xenproject.supportstatus.store.StoredFix;
import org.xenproject.supportstatus.store.StoredRevision;
import org.xenproject.supportstatus.supportmd.SupportDocument;

/**
 * Everything the service answers from, as of one data version and one day: the releases, newest
 * first with {@code unstable} first, each with its current SUPPORT.md and point releases; and every
 * answer prepared from them so far, keyed by its meaning (docs/architecture.md). Nothing in it
 * changes once built; a new data version or a new day is a new snapshot, so nothing prepared can be
 * stale, and what goes, goes at once.
 *
 * <p>Past revisions are read from the store the first time they are asked for. A file's document
 * is kept once by its content (its SHA-256), whichever release, revision or question names it,
 * made of the parts it shares with the others ({@link Sharing}); documents, histories, the change
 * feed and answers all count against one budget ({@link #MAX_BYTES}).
 */
public final class Snapshot {

    /**
     * Past this, answers are still given but no longer kept: endless distinct questions cost work,
     * never memory. Documents' parts, histories, the change feed and answers all count.
     */
    static final long MAX_BYTES = 96L * 1024 * 1024;

    static final int MAX_ENTRIES = 20_000;

    /** A prepared value that knows its size; any other is weighed by {@link Footprint}. */
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

    /** No imported commit fixes the advisory a request names. */
    public static final class NoSuchAdvisory extends NotFound {
        private static final long serialVersionUID = 1L;

        public NoSuchAdvisory(int number) {
            super("No imported commit fixes XSA-" + number);
        }
    }

    /** A release's file as it stood at a past revision. */
    public record Revision(StoredRevision stored, SupportDocument document) {}

    private final long version;
    private final Instant changedAt;
    private final LocalDate day;
    private final List<Release> releases;
    private final Stored stored;
    private final Sharing sharing;
    private final ConcurrentHashMap<Record, FutureTask<Object>> prepared = new ConcurrentHashMap<>();
    /** What this snapshot keeps besides documents' parts, which {@link #sharing} counts. */
    private final AtomicLong bytes = new AtomicLong();

    private final AtomicLong computations = new AtomicLong();

    /**
     * @param documents documents kept already, by content: those of an earlier snapshot, which a
     *                  stored file's content decides alone
     */
    Snapshot(
            long version,
            Instant changedAt,
            LocalDate day,
            List<Release> releases,
            Stored stored,
            Sharing sharing,
            Map<String, SupportDocument> documents) {
        this.version = version;
        this.changedAt = changedAt;
        this.day = day;
        this.releases = List.copyOf(releases);
        this.stored = stored;
        this.sharing = sharing;
        documents.forEach(this::keep);
        releases.forEach(release -> keep(release.source().sha256(), release.document()));
    }

    /** The same data for another day: lifecycle states, and so every answer, may differ. */
    Snapshot on(LocalDate otherDay) {
        return new Snapshot(version, changedAt, otherDay, releases, stored, sharing, documents());
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
            List<StoredRevision> newestFirst = reversed(revisions(release));
            return History.entries(History.steps(newestFirst, documents(newestFirst)));
        });
    }

    /** Status and lifecycle changes across all releases, newest first. */
    public List<ChangeFeed.Entry> changes() {
        return prepared(new AllChanges(), () -> {
            List<StoredRevision> all = allRevisions();
            return ChangeFeed.of(all, documents(all));
        });
    }

    /**
     * The release's file at a past revision of its own history: the revision of that commit, or the
     * one in effect at the end of that day ({@link #inEffect}); empty when there is none.
     *
     * @throws RevisionPoint.Ambiguous when a commit prefix names more than one of its revisions
     */
    public Optional<Revision> at(Release release, RevisionPoint point) {
        List<StoredRevision> history = revisions(release);
        Optional<StoredRevision> found = point instanceof RevisionPoint.Commit commit
                ? named(history, commit, " in the history of " + release.version())
                : inEffect(history, endOf(((RevisionPoint.Day) point).day()));
        return found.map(r -> new Revision(r, document(r.sha256(), r.supportFileId())));
    }

    /**
     * The releases as their branches' SUPPORT.md stood at {@code point}, with the point releases
     * tagged by then. On a day: each one's revision in effect at its end. At a commit: the
     * revision of that very commit for the releases whose history has it, and for the others the
     * revision in effect when it was committed. Releases with no file yet are left out. Empty when
     * no stored revision has that commit.
     *
     * @throws RevisionPoint.Ambiguous when a commit prefix names more than one stored revision
     */
    public Optional<List<Release>> releasesAt(RevisionPoint point) {
        Optional<StoredRevision> commit = Optional.empty();
        Instant until;
        if (point instanceof RevisionPoint.Commit named) {
            commit = named(allRevisions(), named, "");
            if (commit.isEmpty()) {
                return Optional.empty();
            }
            until = time(commit.get());
        } else {
            until = endOf(((RevisionPoint.Day) point).day());
        }
        List<Release> then = new ArrayList<>();
        for (Release release : releases) {
            List<StoredRevision> history = revisions(release);
            String exact = commit.map(StoredRevision::commit).orElse(null);
            Optional<StoredRevision> chosen = history.stream()
                    .filter(r -> exact != null && exact.equals(r.commit()))
                    .findFirst()
                    .or(() -> inEffect(history, until));
            chosen.ifPresent(r -> then.add(then(release, r, until)));
        }
        return Optional.of(then);
    }

    /**
     * The release as its own history stood at {@code point} ({@link #at}): its file, provenance and
     * the point releases tagged by then.
     */
    public Optional<Release> releaseAt(Release release, RevisionPoint point) {
        return at(release, point).map(revision -> then(release, revision.stored(), time(revision.stored())));
    }

    private Release then(Release release, StoredRevision r, Instant until) {
        return new Release(
                release.version(),
                release.branch(),
                r.id(),
                r.supportFileId(),
                new Provenance(r.commit(), r.committedAt(), r.sha256(), r.importedAt(), r.branchTip()),
                document(r.sha256(), r.supportFileId()),
                release.pointReleases().stream()
                        .filter(p -> p.taggedAt() == null || !p.taggedAt().isAfter(until))
                        .toList(),
                release.historyComplete());
    }

    /** The one revision whose commit starts with the prefix, if any. */
    private static Optional<StoredRevision> named(
            List<StoredRevision> revisions, RevisionPoint.Commit commit, String where) {
        List<StoredRevision> matches = revisions.stream()
                .filter(r -> r.commit() != null && r.commit().startsWith(commit.prefix()))
                .toList();
        if (matches.stream().map(StoredRevision::commit).distinct().count() > 1) {
            throw new RevisionPoint.Ambiguous("commit prefix '" + commit.prefix()
                    + "' names more than one stored revision" + where + "; give more digits");
        }
        return matches.stream().findFirst();
    }

    /**
     * The revision a branch held at {@code until}, of its revisions in its own order (oldest
     * first, as git log shows them reversed): the last one that came no later. A revision came
     * after every one before it in the branch, so it came no earlier than their latest commit time,
     * even when its own commit time is older (a patch applied late keeps its first time). Revisions
     * committed in the same second as {@code until} are all in: a commit names its own revision
     * exactly ({@link #at}).
     */
    private static Optional<StoredRevision> inEffect(List<StoredRevision> oldestFirst, Instant until) {
        StoredRevision found = null;
        Instant came = Instant.MIN;
        for (StoredRevision revision : oldestFirst) {
            Instant time = time(revision);
            if (time.isAfter(came)) {
                came = time;
            }
            if (came.isAfter(until)) {
                break;
            }
            found = revision;
        }
        return Optional.ofNullable(found);
    }

    private static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1);
    }

    private static Instant time(StoredRevision revision) {
        return revision.committedAt() != null ? revision.committedAt() : revision.importedAt();
    }

    /** The release's own revisions, in its branch's order: oldest first. */
    List<StoredRevision> revisions(Release release) {
        return prepared(
                new RevisionsOf(release.version()),
                () -> reversed(stored.revisions().of(release.version())));
    }

    private static <T> List<T> reversed(List<T> items) {
        List<T> reversed = new ArrayList<>(items);
        Collections.reverse(reversed);
        return List.copyOf(reversed);
    }

    /** Every release's own revisions, newest first. */
    private List<StoredRevision> allRevisions() {
        return prepared(new AllRevisions(), () -> stored.revisions().all());
    }

    /** The stored text of a support file. */
    public String content(long supportFileId) {
        return stored.files().content(supportFileId);
    }

    /**
     * The security fixes of every release by advisory, as known now, or at the end of {@code day}
     * (null: now): the commits made by then, the point releases tagged by then, the releases that
     * had a file then.
     */
    public Advisories advisories(LocalDate day) {
        if (day == null) {
            return prepared(new AllAdvisories(), () -> Advisories.of(fixes(), releases, null));
        }
        List<Release> then = releasesAt(new RevisionPoint.Day(day)).orElse(List.of());
        return Advisories.of(fixes(), then, endOf(day));
    }

    /**
     * The releases that were security supported on the day of the advisory's first fix, by their
     * lifecycle as known that day, and have no commit for it: a fact about commits (an advisory
     * need not affect every release).
     */
    public List<String> notFixedOn(Advisories.Advisory advisory) {
        LocalDate day = advisory.firstFixDay();
        return releasesAt(new RevisionPoint.Day(day)).orElse(List.of()).stream()
                .filter(release -> release.lifecycle().stateOn(day).securitySupported())
                .filter(release -> advisory.on(release.version()).isEmpty())
                .map(Release::version)
                .toList();
    }

    private List<StoredFix> fixes() {
        return prepared(new AllFixes(), () -> stored.fixes().all());
    }

    /* What the snapshot itself prepares from the store, kept and counted like any answer. */

    private record AllFixes() {}

    private record AllAdvisories() {}

    private record HistoryOf(String release) {}

    private record AllChanges() {}

    private record AllRevisions() {}

    private record RevisionsOf(String release) {}

    /** A file's document, by its content. */
    private record DocumentOf(String sha256) {}

    /** The document of the stored file with this content and id. */
    SupportDocument document(String sha256, long supportFileId) {
        SupportDocument kept = kept(sha256);
        if (kept != null) {
            return kept;
        }
        SupportDocument loaded = stored.files().load(List.of(supportFileId)).get(supportFileId);
        return loaded == null ? null : share(sha256, loaded);
    }

    /** The documents of these revisions, by support file id, loaded together where not kept. */
    private Map<Long, SupportDocument> documents(Collection<StoredRevision> revisions) {
        Map<Long, SupportDocument> documents = new HashMap<>();
        Map<Long, String> missing = new HashMap<>();
        for (StoredRevision revision : revisions) {
            SupportDocument kept = kept(revision.sha256());
            if (kept != null) {
                documents.put(revision.supportFileId(), kept);
            } else {
                missing.put(revision.supportFileId(), revision.sha256());
            }
        }
        stored.files()
                .load(missing.keySet())
                .forEach((id, document) -> documents.put(id, share(missing.get(id), document)));
        return documents;
    }

    /** A document as kept: made of shared parts, and kept while the budget allows. */
    private SupportDocument share(String sha256, SupportDocument loaded) {
        boolean room = keptBytes() < MAX_BYTES && prepared.size() < MAX_ENTRIES;
        SupportDocument document = sharing.share(loaded, room);
        if (room) {
            keep(sha256, document);
        }
        return document;
    }

    /** The document kept for this content, or null. Documents are kept only once made. */
    private SupportDocument kept(String sha256) {
        FutureTask<Object> task = prepared.get(new DocumentOf(sha256));
        if (task == null || !task.isDone()) {
            return null;
        }
        try {
            return (SupportDocument) task.get();
        } catch (ExecutionException | InterruptedException e) {
            throw new IllegalStateException("A kept document is always made", e);
        }
    }

    private void keep(String sha256, SupportDocument document) {
        FutureTask<Object> task = new FutureTask<>(() -> document);
        task.run();
        prepared.putIfAbsent(new DocumentOf(sha256), task);
    }

    /** The documents kept, by content, for the snapshot that follows this one. */
    Map<String, SupportDocument> documents() {
        Map<String, SupportDocument> documents = new HashMap<>();
        prepared.keySet().forEach(key -> {
            if (key instanceof DocumentOf document) {
                documents.put(document.sha256(), kept(document.sha256()));
            }
        });
        documents.values().removeIf(java.util.Objects::isNull);
        return documents;
    }

    /** The bytes this snapshot keeps: documents' parts and everything prepared. */
    long keptBytes() {
        return sharing.bytes() + bytes.get();
    }

    /**
     * The answer to {@code key}, computed once for this snapshot: the same question asked meanwhile
     * waits for it rather than computing it again. A failure is not kept, nor is an answer that
     * would take the snapshot past its budget.
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
            if (task == mine) {
                long weight = value instanceof Sized sized ? sized.bytes() : Footprint.deep(value);
                if (keptBytes() + weight > MAX_BYTES) {
                    prepared.remove(key, mine);
                } else {
                    bytes.addAndGet(weight);
                }
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
