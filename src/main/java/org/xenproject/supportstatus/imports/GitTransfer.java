package org.xenproject.supportstatus.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.PackProtocolException;
import org.eclipse.jgit.errors.RemoteRepositoryException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ProgressMonitor;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.FilterSpec;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.util.FileUtils;

/**
 * Fetches from the upstream for the git sources: as little as the service reads, where the server
 * allows it (docs/architecture.md, "A first import").
 *
 * <p>The service reads SUPPORT.md, which sits at the top of the tree, and commits. So a fetch asks
 * first for commits and their top-level trees alone ({@code tree:1}), then for commits and every
 * tree ({@code blob:none}, which more servers allow), and the SUPPORT.md blobs the history needs
 * afterwards, by id. A server that refuses a filter (git's own default, {@code
 * uploadpack.allowFilter=false}) is asked for the next, then for everything, as before.
 *
 * <p>A repository fetched with a filter lacks objects that JGit's gc needs, so it never runs one:
 * {@link GitSupportSource} clones it anew instead once it holds too many packs.
 */
final class GitTransfer {

    /** The filters to try, from the one that fetches least. */
    static final List<String> FILTERS = List.of("tree:1", "blob:none");

    private final String url;
    private final Duration timeout;

    GitTransfer(String url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
    }

    /**
     * Fetches {@code refSpecs} with {@code filter}, as git names it (none: everything), {@code
     * depth} commits deep (0: the whole history).
     */
    FetchResult fetch(
            Repository repository,
            List<RefSpec> refSpecs,
            Optional<String> filter,
            int depth,
            boolean removeDeletedRefs,
            ProgressMonitor monitor)
            throws GitAPIException {
        FetchCommand fetch = Git.wrap(repository)
                .fetch()
                .setRemote(url)
                .setRefSpecs(refSpecs)
                .setRemoveDeletedRefs(removeDeletedRefs)
                .setProgressMonitor(monitor)
                .setTransportConfigCallback(transport -> filter.ifPresent(f -> transport.setFilterSpec(spec(f))))
                // Per network read: an upstream that stops answering fails the run instead of
                // holding it, and the import lock with it, for ever.
                .setTimeout((int) Math.max(1, timeout.toSeconds()));
        if (depth > 0) {
            fetch.setDepth(depth).setTagOpt(TagOpt.NO_TAGS);
        }
        return fetch.call();
    }

    /**
     * Fetches objects by id (the SUPPORT.md blobs a filtered fetch left out) into {@code
     * repository}. Over HTTP, git serves any object reachable from its branches this way; other
     * servers may need {@code uploadpack.allowAnySHA1InWant}, and say no otherwise ({@link
     * #refused}).
     *
     * <p>They are fetched into a scratch repository without refs, whose packs then move into
     * {@code repository}. Fetched into {@code repository} itself, JGit names its commits to the
     * server as ones it has, and a server that counts with reachability bitmaps (as git hosts do,
     * git and JGit alike) leaves out every object those commits reach, the very blobs asked for
     * included, and says nothing; JGit's fetch cannot leave those out, as git's own fetch of the
     * objects a partial clone lacks does.
     *
     * @throws PackProtocolException when the server answered without some of them
     */
    void fetchObjects(Repository repository, Collection<ObjectId> ids, ProgressMonitor monitor)
            throws GitAPIException, IOException {
        if (ids.isEmpty()) {
            return;
        }
        Path target = repository.getDirectory().toPath();
        Path scratch = target.resolveSibling(target.getFileName() + ".by-id");
        FileUtils.delete(scratch.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
        try {
            try (Git git =
                    Git.init().setBare(true).setDirectory(scratch.toFile()).call()) {
                StoredConfig config = git.getRepository().getConfig();
                config.setBoolean("fetch", null, "autoGC", false);
                config.save();
                fetch(
                        git.getRepository(),
                        ids.stream().map(id -> new RefSpec(id.name())).toList(),
                        Optional.empty(),
                        0,
                        false,
                        monitor);
            }
            Path received = scratch.resolve("objects").resolve("pack");
            if (Files.isDirectory(received)) {
                Path packs = target.resolve("objects").resolve("pack");
                try (Stream<Path> files = Files.list(received)) {
                    // Each pack's index first: JGit reads a pack only once its index is there.
                    for (Path file : files.sorted(Comparator.comparing(
                                    (Path f) -> f.toString().endsWith(".pack")))
                            .toList()) {
                        Files.move(file, packs.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                    }
                }
            }
        } finally {
            FileUtils.delete(scratch.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING | FileUtils.IGNORE_ERRORS);
        }
        List<ObjectId> missing = new ArrayList<>();
        for (ObjectId id : ids) {
            if (!repository.getObjectDatabase().has(id)) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            // As good as a refusal to serve objects by id, and taken as one (refused).
            throw new PackProtocolException(Urls.withoutCredentials(url) + " answered without " + missing.size()
                    + " of the " + ids.size() + " object(s) asked for by id, "
                    + missing.get(0).name()
                    + " among them");
        }
    }

    /**
     * Whether a fetch failed because the server said no to what it was asked (a filter it does not
     * offer, an object by id it does not serve), rather than because it could not be reached: the
     * former is worth asking again differently, the latter fails the run as it is.
     */
    static boolean refused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PackProtocolException || cause instanceof RemoteRepositoryException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Marks {@code repository} as fetched with {@code filter}, in git's own terms (a partial clone
     * of its "origin"), so that later fetches ask for the same and the git command line reads it
     * as what it is; and turns off the gc that JGit runs after a fetch.
     */
    static void markFiltered(Repository repository, String url, String filter) throws IOException {
        StoredConfig config = repository.getConfig();
        config.setInt("core", null, "repositoryformatversion", 1);
        config.setString("extensions", null, "partialClone", "origin");
        config.setString("remote", "origin", "url", url);
        config.setBoolean("remote", "origin", "promisor", true);
        config.setString("remote", "origin", "partialCloneFilter", filter);
        config.setBoolean("fetch", null, "autoGC", false);
        config.save();
    }

    /** The filter a repository was fetched with, if any ({@link #markFiltered}). */
    static Optional<String> filterOf(Repository repository) {
        return Optional.ofNullable(repository.getConfig().getString("remote", "origin", "partialCloneFilter"));
    }

    private static FilterSpec spec(String filter) {
        try {
            return FilterSpec.fromFilterLine(filter);
        } catch (PackProtocolException e) {
            throw new IllegalArgumentException("not a filter: " + filter, e);
        }
    }
}
