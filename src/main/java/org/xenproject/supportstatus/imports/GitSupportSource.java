package org.xenproject.supportstatus.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.util.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xenproject.supportstatus.digest.Sha256;
import org.xenproject.supportstatus.release.PointRelease;
import org.xenproject.supportstatus.store.Checkpoint;
import org.xenproject.supportstatus.store.FileRevision;
import org.xenproject.supportstatus.store.KnownBranch;

/**
 * SUPPORT.md from a git repository, through a bare copy of it kept in a cache directory: the first
 * run clones (logging its progress), later runs fetch what is new. Where the server allows it, the
 * copy holds only what the service reads: commits, their top-level trees and the SUPPORT.md blobs
 * (see {@link GitTransfer}); else all of it.
 *
 * <p>A branch's history is what {@code git log <branch> -- SUPPORT.md} shows: every commit reachable
 * from the tip that changed the file, with git's default simplification at merges, oldest first
 * in topological order. For a stable branch that includes master's changes before the branch
 * point, so the database holds the file as it stood at every point of the branch's past.
 */
final class GitSupportSource implements SupportSource {

    private static final Logger log = LoggerFactory.getLogger(GitSupportSource.class);

    /** Every branch and tag, pruned as upstream prunes them. */
    private static final List<RefSpec> REF_SPECS =
            List.of(new RefSpec("+refs/heads/*:refs/heads/*"), new RefSpec("+refs/tags/*:refs/tags/*"));

    /** JGit's own default for gc.autoPackLimit. */
    private static final int DEFAULT_PACK_LIMIT = 50;

    private final String url;
    private final Path cacheRoot;
    private final boolean history;
    private final int maxFileBytes;
    private final Duration timeout;
    private final GitTransfer transfer;
    private Repository repository;
    private HistoryObjects objects;
    /** Set when the server no longer serves the filtered copy the blobs it lacks: close removes the copy. */
    private boolean discardCopy;

    private Consumer<String> progress = p -> {};

    GitSupportSource(String url, Path cacheRoot, boolean history, int maxFileBytes, Duration timeout) {
        this.url = url;
        this.cacheRoot = cacheRoot;
        this.history = history;
        this.maxFileBytes = maxFileBytes;
        this.timeout = timeout;
        this.transfer = new GitTransfer(url, timeout);
    }

    @Override
    public String describe() {
        return "git " + Urls.withoutCredentials(url);
    }

    @Override
    public void reportProgressTo(Consumer<String> progress) {
        this.progress = progress;
    }

    /**
     * Before a first clone, which takes long for a repository the size of xen.git (longer still
     * over the network), the branch tips alone: a shallow fetch of a small part of it.
     */
    @Override
    public Optional<SupportSource> tipsFirst() {
        Path dir = cacheRoot.resolve(cacheName(url));
        if (Files.isRegularFile(dir.resolve("HEAD"))) {
            return Optional.empty();
        }
        return Optional.of(new GitTipsSource(
                url, dir.resolveSibling(dir.getFileName() + ".tips"), maxFileBytes, timeout, p -> progress.accept(p)));
    }

    @Override
    public SourceRefs refs() throws IOException {
        openUpToDate();
        List<SourceBranch> branches = new ArrayList<>();
        for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS)) {
            branches.add(new SourceBranch(
                    ref.getName().substring(Constants.R_HEADS.length()),
                    ref.getObjectId().name()));
        }
        return new SourceRefs(branches, releaseTags());
    }

    @Override
    public Optional<FixSource> fixes() {
        return Optional.ofNullable(repository).map(GitFixes::new);
    }

    /**
     * The cached bare repository, fetched from {@link #url}; cloned when absent, and cloned anew
     * when a filtered copy, which JGit's gc cannot pack, holds more packs than gc would let be.
     */
    private void openUpToDate() throws IOException {
        Path dir = cacheRoot.resolve(cacheName(url));
        try {
            if (!Files.isRegularFile(dir.resolve("HEAD"))) {
                cloneAnew(dir);
                return;
            }
            Repository repo = new FileRepositoryBuilder()
                    .setGitDir(dir.toFile())
                    .setMustExist(true)
                    .build();
            Optional<String> filter = GitTransfer.filterOf(repo);
            int packs = packCount(dir);
            int packLimit = repo.getConfig().getInt("gc", "autoPackLimit", DEFAULT_PACK_LIMIT);
            if (filter.isPresent() && packs > packLimit) {
                repo.close();
                log.info(
                        "{} holds {} packs, more than {} (gc.autoPackLimit); cloning it anew rather than running"
                                + " a gc, which needs every object of the repository",
                        dir.toAbsolutePath(),
                        packs,
                        packLimit);
                cloneAnew(dir);
                return;
            }
            fetchInto(repo, filter);
            use(repo);
        } catch (GitAPIException e) {
            throw new IOException("Could not fetch " + Urls.withoutCredentials(url) + ": " + e.getMessage(), e);
        }
    }

    /** What is new, with the filter the copy was cloned with, or everything when the server no longer allows it. */
    private void fetchInto(Repository repo, Optional<String> filter) throws GitAPIException {
        LoggingProgressMonitor monitor =
                new LoggingProgressMonitor("Fetching " + Urls.withoutCredentials(url), progress);
        try {
            transfer.fetch(repo, REF_SPECS, filter, 0, true, monitor);
        } catch (GitAPIException e) {
            if (filter.isEmpty() || !GitTransfer.refused(e)) {
                throw e;
            }
            log.info(
                    "{} refused filter {} ({}); fetching what is new in full",
                    describe(),
                    filter.get(),
                    e.getMessage());
            transfer.fetch(repo, REF_SPECS, Optional.empty(), 0, true, monitor);
        }
    }

    /**
     * Clones into {@code dir} with the first filter the server allows, fetching the SUPPORT.md
     * blobs the history needs, or in full as a server that allows none gets.
     */
    private void cloneAnew(Path dir) throws IOException, GitAPIException {
        for (String filter : GitTransfer.FILTERS) {
            Repository repo;
            try {
                repo = cloneInto(dir, Optional.of(filter));
            } catch (GitAPIException e) {
                if (!GitTransfer.refused(e)) {
                    throw e;
                }
                log.info("{} refused a clone filtered with {}: {}", describe(), filter, e.getMessage());
                continue;
            }
            try {
                use(repo);
                fetchSupportBlobs();
                return;
            } catch (GitAPIException | IOException e) {
                close();
                FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
                if (!GitTransfer.refused(e)) {
                    throw e;
                }
                // No other filter helps: each needs the blobs by id.
                log.info("{} refused SUPPORT.md's blobs by id: {}", describe(), e.getMessage());
                break;
            }
        }
        use(cloneInto(dir, Optional.empty()));
    }

    /**
     * Clones beside {@code dir} and moves the result in place, so an interrupted clone leaves no
     * half repository, and a copy cloned anew replaces the old one only once it is whole.
     */
    private Repository cloneInto(Path dir, Optional<String> filter) throws IOException, GitAPIException {
        Path partial = dir.resolveSibling(dir.getFileName() + ".partial");
        if (Files.exists(partial)) {
            FileUtils.delete(partial.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
        }
        Files.createDirectories(partial);
        log.info(
                "Cloning {} into {}{} (first import; later imports fetch only what is new)",
                Urls.withoutCredentials(url),
                dir.toAbsolutePath(),
                filter.map(f -> ", filtered with " + f).orElse(""));
        try (Git git = Git.init().setBare(true).setDirectory(partial.toFile()).call()) {
            // Any automatic gc runs inside fetch rather than on a background thread, which would race the move below.
            StoredConfig config = git.getRepository().getConfig();
            config.setBoolean("gc", null, "autoDetach", false);
            config.save();
            if (filter.isPresent()) {
                GitTransfer.markFiltered(git.getRepository(), url, filter.get());
            }
            transfer.fetch(
                    git.getRepository(),
                    REF_SPECS,
                    filter,
                    0,
                    true,
                    new LoggingProgressMonitor("Cloning " + Urls.withoutCredentials(url), progress));
        } catch (GitAPIException | IOException e) {
            FileUtils.delete(partial.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING | FileUtils.IGNORE_ERRORS);
            throw e;
        }
        if (Files.exists(dir)) {
            Path old = dir.resolveSibling(dir.getFileName() + ".old");
            FileUtils.delete(old.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
            Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
            Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
            FileUtils.delete(old.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING | FileUtils.IGNORE_ERRORS);
        } else {
            Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
        }
        return new FileRepositoryBuilder()
                .setGitDir(dir.toFile())
                .setMustExist(true)
                .build();
    }

    private void use(Repository repo) {
        repository = repo;
        objects = new HistoryObjects(repo);
    }

    /**
     * After a filtered clone, the SUPPORT.md blobs of every commit that changed the file on any
     * branch, in one request: a superset of what each branch's history reads (a commit whose file
     * differs from one parent's, where the history takes those differing from every parent's).
     */
    private void fetchSupportBlobs() throws IOException, GitAPIException {
        Set<ObjectId> missing = new LinkedHashSet<>();
        try (RevWalk walk = new RevWalk(objects)) {
            for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS)) {
                if (walk.parseAny(ref.getObjectId()) instanceof RevCommit tip) {
                    walk.markStart(tip);
                }
            }
            for (RevCommit commit : walk) {
                ObjectId blob = blobAt(objects, commit);
                if (blob == null || missing.contains(blob)) {
                    continue;
                }
                boolean changed = commit.getParentCount() == 0;
                for (RevCommit parent : commit.getParents()) {
                    walk.parseHeaders(parent);
                    changed |= !blob.equals(blobAt(objects, parent));
                }
                if (changed && !objects.has(blob)) {
                    missing.add(blob);
                }
            }
        }
        log.info("Fetching {} revision(s) of {} by id, which the filtered clone left out", missing.size(), PATH);
        transfer.fetchObjects(
                repository,
                missing,
                new LoggingProgressMonitor("Fetching " + PATH + " from " + Urls.withoutCredentials(url), progress));
    }

    /** Any of {@code blobs} the copy lacks (a filtered copy, fetched since), fetched by id. */
    private void fetchMissing(Set<ObjectId> blobs) throws IOException, GitAPIException {
        Set<ObjectId> missing = new LinkedHashSet<>();
        for (ObjectId blob : blobs) {
            if (!objects.has(blob)) {
                missing.add(blob);
            }
        }
        transfer.fetchObjects(
                repository,
                missing,
                new LoggingProgressMonitor("Fetching " + PATH + " from " + Urls.withoutCredentials(url), progress));
    }

    private static int packCount(Path dir) throws IOException {
        Path packs = dir.resolve("objects").resolve("pack");
        if (!Files.isDirectory(packs)) {
            return 0;
        }
        try (var files = Files.list(packs)) {
            return (int) files.filter(f -> f.getFileName().toString().endsWith(".pack"))
                    .count();
        }
    }

    private List<PointRelease> releaseTags() throws IOException {
        List<PointRelease> tags = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository)) {
            for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS + "RELEASE-")) {
                RevObject object = walk.parseAny(ref.getObjectId());
                Instant taggedAt = null;
                if (object instanceof RevTag tag && tag.getTaggerIdent() != null) {
                    taggedAt = tag.getTaggerIdent().getWhenAsInstant();
                }
                RevObject target = walk.peel(object);
                if (!(target instanceof RevCommit commit)) {
                    continue;
                }
                if (taggedAt == null) {
                    taggedAt = commit.getCommitterIdent().getWhenAsInstant();
                }
                PointRelease.ofTag(ref.getName().substring(Constants.R_TAGS.length()), commit.name(), taggedAt)
                        .ifPresent(tags::add);
            }
        }
        return tags;
    }

    @Override
    public BranchRead read(SourceBranch branch, KnownBranch known) throws BranchFailure {
        Checkpoint checkpoint = new Checkpoint(branch.tip(), history, null, null);
        Checkpoint last = known.checkpoint();
        if (known.hasData() && last != null && branch.tip().equals(last.tip()) && (last.withHistory() || !history)) {
            // Same tip as at the last clean import: nothing can have changed.
            return new SupportFile(List.of(), null, checkpoint);
        }
        // The walk reads through this run's HistoryObjects; a revision's message, which those lack, is read in full.
        try (RevWalk walk = new RevWalk(objects);
                RevWalk full = new RevWalk(repository)) {
            RevCommit tip = walk.parseCommit(ObjectId.fromString(branch.tip()));
            ObjectId tipBlob = blobAt(objects, tip);
            if (tipBlob == null) {
                return new NoSupportFile();
            }
            walk.markStart(tip);
            walk.setTreeFilter(AndTreeFilter.create(PathFilter.create(PATH), TreeFilter.ANY_DIFF));
            List<RevCommit> changes = new ArrayList<>();
            if (history) {
                walk.sort(RevSort.TOPO, true);
                walk.sort(RevSort.REVERSE, true);
                walk.forEach(changes::add);
            } else {
                RevCommit newest = walk.next(); // without sorting, the newest change comes first
                if (newest != null) {
                    changes.add(newest);
                }
            }
            List<ObjectId> blobs = new ArrayList<>();
            Set<ObjectId> toRead = new LinkedHashSet<>();
            for (RevCommit commit : changes) {
                ObjectId blob = history ? blobAt(objects, commit) : tipBlob;
                blobs.add(blob);
                if (blob != null && !known.storedCommits().contains(commit.name())) {
                    toRead.add(blob);
                }
            }
            fetchMissing(toRead);
            List<FileRevision> revisions = new ArrayList<>();
            List<String> leftOut = new ArrayList<>();
            String currentCommit = null;
            for (int i = 0; i < changes.size(); i++) {
                RevCommit commit = changes.get(i);
                ObjectId blob = blobs.get(i);
                if (blob == null) {
                    continue; // the commit deleted the file
                }
                if (blob.equals(tipBlob)) {
                    currentCommit = commit.name();
                }
                if (known.storedCommits().contains(commit.name())) {
                    continue;
                }
                long size = objects.getObjectSize(blob, Constants.OBJ_BLOB);
                if (history && size > maxFileBytes && !blob.equals(tipBlob)) {
                    // An oversize file of the past must not fail the branch for ever after it was fixed.
                    leftOut.add(commit.name() + " (" + size + " bytes, over the limit of " + maxFileBytes + ")");
                    continue;
                }
                revisions.add(revision(objects, full.parseCommit(commit), blob));
            }
            return history
                    ? new SupportFile(revisions, currentCommit, checkpoint, leftOut)
                    : new SupportFile(revisions, currentCommit, checkpoint);
        } catch (GitAPIException | IOException e) {
            String fetching = "could not fetch " + PATH + " of " + branch.name() + " from " + describe() + ": ";
            if (GitTransfer.refused(e)) {
                // Without the blobs it lacks, a filtered copy can never be completed: the next
                // import clones anew, in full if the server still refuses them.
                discardCopy = true;
                throw new BranchFailure(fetching + e.getMessage() + "; the next import clones it anew", e);
            }
            if (e instanceof GitAPIException) {
                throw new BranchFailure(fetching + e.getMessage(), e);
            }
            throw new BranchFailure("could not read " + PATH + " on " + branch.name() + ": " + e.getMessage(), e);
        }
    }

    private ObjectId blobAt(ObjectReader reader, RevCommit commit) throws IOException {
        try (TreeWalk tree = TreeWalk.forPath(reader, PATH, commit.getTree())) {
            return tree == null || tree.getFileMode(0).getObjectType() != Constants.OBJ_BLOB
                    ? null
                    : tree.getObjectId(0);
        }
    }

    private FileRevision revision(ObjectReader reader, RevCommit commit, ObjectId blob)
            throws IOException, BranchFailure {
        ObjectLoader loader = reader.open(blob, Constants.OBJ_BLOB);
        if (loader.getSize() > maxFileBytes) {
            throw new BranchFailure(PATH + " at " + commit.name() + " is " + loader.getSize()
                    + " bytes, over the limit of " + maxFileBytes);
        }
        return new FileRevision(
                loader.getBytes(),
                commit.name(),
                null,
                commit.getAuthorIdent().getName(),
                commit.getAuthorIdent().getWhenAsInstant(),
                commit.getCommitterIdent().getWhenAsInstant(),
                commit.getShortMessage());
    }

    @Override
    public void close() {
        if (objects != null) {
            objects.close();
            objects = null;
        }
        if (repository != null) {
            repository.close();
            repository = null;
        }
        if (discardCopy) {
            Path dir = cacheRoot.resolve(cacheName(url));
            log.info("Removing {}, which {} no longer completes; the next import clones anew", dir, describe());
            try {
                FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
            } catch (IOException e) {
                log.warn("Could not remove {}: {}", dir, e.getMessage());
            }
            discardCopy = false;
        }
    }

    /** One cache directory per source URL, recognisable by its last path segment. */
    static String cacheName(String url) {
        String trimmed = url.replaceAll("[/\\\\]+$", "");
        String last = trimmed.substring(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1)
                .replaceAll("[^A-Za-z0-9._-]", "_");
        return (last.isEmpty() ? "repo" : last) + "-" + HexFormat.of().formatHex(Sha256.of(url), 0, 6);
    }
}
