package org.xenproject.supportstatus.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xenproject.supportstatus.store.Checkpoint;
import org.xenproject.supportstatus.store.FileRevision;
import org.xenproject.supportstatus.store.KnownBranch;

/**
 * The SUPPORT.md at each branch tip of a git repository, through a shallow fetch (the tips without
 * their past, nor tags, and where the server allows it without any file but SUPPORT.md) into a
 * scratch directory removed on close. What it reads is provisional:
 * it knows the tip it read the file at, not the commit that made the file, and the full clone's
 * history replaces it.
 */
final class GitTipsSource implements SupportSource {

    private static final Logger log = LoggerFactory.getLogger(GitTipsSource.class);

    private final String url;
    private final Path dir;
    private final int maxFileBytes;
    private final Duration timeout;
    private final Consumer<String> progress;
    private Repository repository;

    GitTipsSource(String url, Path dir, int maxFileBytes, Duration timeout, Consumer<String> progress) {
        this.url = url;
        this.dir = dir;
        this.maxFileBytes = maxFileBytes;
        this.timeout = timeout;
        this.progress = progress;
    }

    @Override
    public String describe() {
        return "git " + Urls.withoutCredentials(url) + " (branch tips)";
    }

    @Override
    public SourceRefs refs() throws IOException {
        delete();
        Files.createDirectories(dir);
        log.info(
                "Fetching the branch tips of {} first, so that their files are served before the clone is done",
                Urls.withoutCredentials(url));
        GitTransfer transfer = new GitTransfer(url, timeout);
        try {
            fetchTips(transfer);
        } catch (GitAPIException e) {
            throw new IOException(
                    "Could not fetch the branch tips of " + Urls.withoutCredentials(url) + ": " + e.getMessage(), e);
        }
        List<SourceBranch> branches = new ArrayList<>();
        for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS)) {
            branches.add(new SourceBranch(
                    ref.getName().substring(Constants.R_HEADS.length()),
                    ref.getObjectId().name()));
        }
        return new SourceRefs(branches, List.of());
    }

    /**
     * The tips with their top-level trees alone and their SUPPORT.md blobs by id, where the server
     * allows it (see {@link GitTransfer}); else with their whole trees.
     */
    private void fetchTips(GitTransfer transfer) throws IOException, GitAPIException {
        for (String filter : GitTransfer.FILTERS) {
            try {
                fetchTips(transfer, Optional.of(filter));
            } catch (GitAPIException e) {
                if (!GitTransfer.refused(e)) {
                    throw e;
                }
                log.info("{} refused the branch tips filtered with {}: {}", describe(), filter, e.getMessage());
                continue;
            }
            try {
                transfer.fetchObjects(repository, supportBlobs(), NullProgressMonitor.INSTANCE);
                return;
            } catch (GitAPIException | IOException e) {
                if (!GitTransfer.refused(e)) {
                    throw e;
                }
                // No other filter helps: each needs the blobs by id.
                log.info("{} refused SUPPORT.md's blobs by id: {}", describe(), e.getMessage());
                break;
            }
        }
        fetchTips(transfer, Optional.empty());
    }

    private void fetchTips(GitTransfer transfer, Optional<String> filter) throws IOException, GitAPIException {
        close();
        Files.createDirectories(dir);
        try (Git git = Git.init().setBare(true).setDirectory(dir.toFile()).call()) {
            StoredConfig config = git.getRepository().getConfig();
            config.setBoolean("fetch", null, "autoGC", false);
            config.save();
        }
        repository = new FileRepositoryBuilder()
                .setGitDir(dir.toFile())
                .setMustExist(true)
                .build();
        transfer.fetch(
                repository,
                List.of(new RefSpec("+refs/heads/*:refs/heads/*")),
                filter,
                1,
                false,
                new LoggingProgressMonitor("Fetching branch tips", progress));
    }

    /** The SUPPORT.md blobs at the tips that the copy lacks. */
    private List<ObjectId> supportBlobs() throws IOException {
        Set<ObjectId> missing = new LinkedHashSet<>();
        try (RevWalk walk = new RevWalk(repository);
                ObjectReader reader = repository.newObjectReader()) {
            for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS)) {
                if (!(walk.parseAny(ref.getObjectId()) instanceof RevCommit tip)) {
                    continue;
                }
                try (TreeWalk tree = TreeWalk.forPath(reader, PATH, tip.getTree())) {
                    if (tree != null
                            && tree.getFileMode(0).getObjectType() == Constants.OBJ_BLOB
                            && !reader.has(tree.getObjectId(0))) {
                        missing.add(tree.getObjectId(0));
                    }
                }
            }
        }
        return List.copyOf(missing);
    }

    @Override
    public BranchRead read(SourceBranch branch, KnownBranch known) throws BranchFailure {
        try (RevWalk walk = new RevWalk(repository);
                ObjectReader reader = repository.newObjectReader()) {
            RevCommit tip = walk.parseCommit(ObjectId.fromString(branch.tip()));
            try (TreeWalk tree = TreeWalk.forPath(reader, PATH, tip.getTree())) {
                if (tree == null || tree.getFileMode(0).getObjectType() != Constants.OBJ_BLOB) {
                    return new NoSupportFile();
                }
                ObjectLoader loader = reader.open(tree.getObjectId(0), Constants.OBJ_BLOB);
                if (loader.getSize() > maxFileBytes) {
                    throw new BranchFailure(PATH + " at " + tip.name() + " is " + loader.getSize()
                            + " bytes, over the limit of " + maxFileBytes);
                }
                FileRevision revision = new FileRevision(loader.getBytes(), null, tip.name(), null, null, null, null);
                // No tip in the checkpoint: the next read of the branch, with its history, must not
                // take it for one that saw this tip.
                return new SupportFile(
                        List.of(revision), null, new Checkpoint(null, false, null, null), List.of(), true);
            }
        } catch (IOException e) {
            throw new BranchFailure("could not read " + PATH + " on " + branch.name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (repository != null) {
            repository.close();
            repository = null;
        }
        try {
            delete();
        } catch (IOException e) {
            log.warn("Could not remove {}: {}", dir, e.getMessage());
        }
    }

    private void delete() throws IOException {
        FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING | FileUtils.IGNORE_ERRORS);
    }
}
