package org.xenproject.supportstatus.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
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
 * run clones (logging its progress), later runs fetch what is new.
 *
 * <p>A branch's history is what {@code git log <branch> -- SUPPORT.md} shows: every commit reachable
 * from the tip that changed the file, with git's default simplification at merges, oldest first
 * in topological order. For a stable branch that includes master's changes before the branch
 * point, so the database holds the file as it stood at every point of the branch's past.
 */
final class GitSupportSource implements SupportSource {

    private static final Logger log = LoggerFactory.getLogger(GitSupportSource.class);

    private final String url;
    private final Path cacheRoot;
    private final boolean history;
    private final int maxFileBytes;
    private final Duration timeout;
    private Repository repository;
    private Consumer<String> progress = p -> {};

    GitSupportSource(String url, Path cacheRoot, boolean history, int maxFileBytes, Duration timeout) {
        this.url = url;
        this.cacheRoot = cacheRoot;
        this.history = history;
        this.maxFileBytes = maxFileBytes;
        this.timeout = timeout;
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
        repository = openUpToDate();
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

    /** The cached bare repository, fetched from {@link #url}, or cloned when absent. */
    private Repository openUpToDate() throws IOException {
        Path dir = cacheRoot.resolve(cacheName(url));
        try {
            if (Files.isRegularFile(dir.resolve("HEAD"))) {
                Repository repo = new FileRepositoryBuilder()
                        .setGitDir(dir.toFile())
                        .setMustExist(true)
                        .build();
                try (Git git = new Git(repo)) {
                    fetch(git, new LoggingProgressMonitor("Fetching " + Urls.withoutCredentials(url), progress));
                }
                return repo;
            }
            return cloneInto(dir);
        } catch (GitAPIException e) {
            throw new IOException("Could not fetch " + Urls.withoutCredentials(url) + ": " + e.getMessage(), e);
        }
    }

    /** Clones beside {@code dir} and moves the result in place, so an interrupted clone leaves no half repository. */
    private Repository cloneInto(Path dir) throws IOException, GitAPIException {
        Path partial = dir.resolveSibling(dir.getFileName() + ".partial");
        if (Files.exists(partial)) {
            FileUtils.delete(partial.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
        }
        Files.createDirectories(partial);
        log.info(
                "Cloning {} into {} (first import; later imports fetch only what is new)",
                Urls.withoutCredentials(url),
                dir.toAbsolutePath());
        try (Git git = Git.init().setBare(true).setDirectory(partial.toFile()).call()) {
            // Any automatic gc runs inside fetch rather than on a background thread, which would race the move below.
            StoredConfig config = git.getRepository().getConfig();
            config.setBoolean("gc", null, "autoDetach", false);
            config.save();
            fetch(git, new LoggingProgressMonitor("Cloning " + Urls.withoutCredentials(url), progress));
        }
        Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
        return new FileRepositoryBuilder()
                .setGitDir(dir.toFile())
                .setMustExist(true)
                .build();
    }

    private void fetch(Git git, LoggingProgressMonitor monitor) throws GitAPIException {
        git.fetch()
                .setRemote(url)
                .setRefSpecs(new RefSpec("+refs/heads/*:refs/heads/*"), new RefSpec("+refs/tags/*:refs/tags/*"))
                .setRemoveDeletedRefs(true)
                .setProgressMonitor(monitor)
                // Per network read: an upstream that stops answering fails the run instead of
                // holding it, and the import lock with it, for ever.
                .setTimeout((int) Math.max(1, timeout.toSeconds()))
                .call();
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
        try (RevWalk walk = new RevWalk(repository);
                ObjectReader reader = repository.newObjectReader()) {
            RevCommit tip = walk.parseCommit(ObjectId.fromString(branch.tip()));
            ObjectId tipBlob = blobAt(reader, tip);
            if (tipBlob == null) {
                return new NoSupportFile();
            }
            walk.markStart(tip);
            walk.setTreeFilter(AndTreeFilter.create(PathFilter.create(PATH), TreeFilter.ANY_DIFF));
            List<FileRevision> revisions = new ArrayList<>();
            List<String> leftOut = new ArrayList<>();
            String currentCommit = null;
            if (history) {
                walk.sort(RevSort.TOPO, true);
                walk.sort(RevSort.REVERSE, true);
                for (RevCommit commit : walk) {
                    ObjectId blob = blobAt(reader, commit);
                    if (blob == null) {
                        continue; // the commit deleted the file
                    }
                    if (blob.equals(tipBlob)) {
                        currentCommit = commit.name();
                    }
                    if (known.storedCommits().contains(commit.name())) {
                        continue;
                    }
                    long size = reader.getObjectSize(blob, Constants.OBJ_BLOB);
                    if (size > maxFileBytes && !blob.equals(tipBlob)) {
                        // An oversize file of the past must not fail the branch for ever after it was fixed.
                        leftOut.add(commit.name() + " (" + size + " bytes, over the limit of " + maxFileBytes + ")");
                        continue;
                    }
                    revisions.add(revision(reader, commit, blob));
                }
                return new SupportFile(revisions, currentCommit, checkpoint, leftOut);
            } else {
                RevCommit newest = walk.next(); // without sorting, the newest change comes first
                if (newest != null) {
                    currentCommit = newest.name();
                    if (!known.storedCommits().contains(newest.name())) {
                        revisions.add(revision(reader, newest, tipBlob));
                    }
                }
            }
            return new SupportFile(revisions, currentCommit, checkpoint);
        } catch (IOException e) {
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
        if (repository != null) {
            repository.close();
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
