package org.xenproject.supportstatus.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * A git repository shaped like xen.git, built by a test: branches, commits that change SUPPORT.md
 * or other files, RELEASE tags. Commit times step forward one hour per commit from 2024-01-01.
 */
public final class XenRepository implements AutoCloseable {

    private final Git git;
    private final Path dir;
    private Instant clock = Instant.parse("2024-01-01T00:00:00Z");

    private XenRepository(Git git, Path dir) {
        this.git = git;
        this.dir = dir;
    }

    /** A repository whose master holds a first commit with a README only. */
    public static XenRepository create(Path dir) {
        try {
            Git git = Git.init()
                    .setDirectory(dir.toFile())
                    .setInitialBranch("master")
                    .call();
            XenRepository repo = new XenRepository(git, dir);
            repo.commit("master", "Initial commit", "README", "Xen hypervisor\n");
            return repo;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where a source finds it: a local path is a git URL for JGit. */
    public String url() {
        return dir.toString();
    }

    public RevCommit commitSupport(String branch, String subject, String supportMd) {
        return commit(branch, subject, "SUPPORT.md", supportMd);
    }

    public RevCommit commit(String branch, String subject, String path, String content) {
        return commit(branch, subject, path, content.getBytes(StandardCharsets.UTF_8));
    }

    public RevCommit commit(String branch, String subject, String path, byte[] content) {
        return commitWithMessage(branch, subject + "\n\nBody of the message.\n", path, content);
    }

    /** A commit with the whole message given, as xen.git's commits carry their trailers. */
    public RevCommit commitWithMessage(String branch, String message, String path, String content) {
        return commitWithMessage(branch, message, path, content.getBytes(StandardCharsets.UTF_8));
    }

    private RevCommit commitWithMessage(String branch, String message, String path, byte[] content) {
        try {
            if (git.getRepository().resolve("HEAD") != null) { // an unborn branch cannot be checked out
                git.checkout().setName(branch).call();
            }
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            git.add().addFilepattern(path).call();
            PersonIdent author = nextAuthor();
            PersonIdent committer =
                    new PersonIdent("Carl Committer", "carl@example.org", clock.plusSeconds(60), ZoneOffset.UTC);
            return commitStaged(message, author, committer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A patch series applied at once, as xen.git's committers do: one commit per file, in order,
     * all with the same author and committer second.
     */
    public List<RevCommit> seriesInOneSecond(String branch, String subject, List<String> supportMds) {
        List<RevCommit> commits = new ArrayList<>();
        Instant second = clock.plusSeconds(3600);
        for (int i = 0; i < supportMds.size(); i++) {
            clock = second.minusSeconds(3600); // commit() steps an hour on, to the same second each time
            commits.add(commit(
                    branch,
                    subject + " (" + (i + 1) + "/" + supportMds.size() + ")",
                    "SUPPORT.md",
                    supportMds.get(i).getBytes(StandardCharsets.UTF_8)));
        }
        clock = second;
        return commits;
    }

    /** The whole message of a commit. */
    public String message(String commit) {
        try (RevWalk walk = new RevWalk(git.getRepository())) {
            return walk.parseCommit(ObjectId.fromString(commit)).getFullMessage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A merge of {@code other} into {@code branch} whose SUPPORT.md is {@code supportMd}, or as on
     * {@code branch} when null; every other file stays as on {@code branch}.
     */
    public RevCommit merge(String branch, String other, String subject, String supportMd) {
        try {
            git.checkout().setName(branch).call();
            git.merge()
                    .include(git.getRepository().resolve(other))
                    .setStrategy(MergeStrategy.OURS)
                    .setFastForward(MergeCommand.FastForwardMode.NO_FF)
                    .setCommit(false)
                    .call();
            if (supportMd != null) {
                Files.writeString(dir.resolve("SUPPORT.md"), supportMd);
                git.add().addFilepattern("SUPPORT.md").call();
            }
            PersonIdent author = nextAuthor();
            return commitStaged(subject + "\n", author, author);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Serves clones filtered to fewer objects and, with {@code objectsById}, any object asked for
     * by id, as a git host that serves partial clones does (uploadpack.allowFilter,
     * uploadpack.allowAnySHA1InWant: JGit reads them from the repository it serves).
     */
    public void servePartialClones(boolean objectsById) {
        try {
            StoredConfig config = git.getRepository().getConfig();
            config.setBoolean("uploadpack", null, "allowFilter", true);
            config.setBoolean("uploadpack", null, "allowAnySHA1InWant", objectsById);
            config.save();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one file a commit changed from its parent. */
    public String onlyFileOf(String commit) {
        try (RevWalk walk = new RevWalk(git.getRepository());
                TreeWalk tree = new TreeWalk(git.getRepository())) {
            RevCommit c = walk.parseCommit(ObjectId.fromString(commit));
            tree.addTree(walk.parseCommit(c.getParent(0)).getTree());
            tree.addTree(c.getTree());
            tree.setRecursive(true);
            tree.setFilter(TreeFilter.ANY_DIFF);
            List<String> paths = new ArrayList<>();
            while (tree.next()) {
                paths.add(tree.getPathString());
            }
            if (paths.size() != 1) {
                throw new IllegalStateException(commit + " changed " + paths);
            }
            return paths.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file as it stood at a commit. */
    public String content(String commit, String path) {
        try (RevWalk walk = new RevWalk(git.getRepository())) {
            RevCommit c = walk.parseCommit(ObjectId.fromString(commit));
            try (TreeWalk tree = TreeWalk.forPath(git.getRepository(), path, c.getTree())) {
                return new String(git.getRepository().open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Packs every object into one pack with reachability bitmaps, as git hosts keep their
     * repositories (JGit's gc writes the bitmaps, as git's {@code repack -b} does).
     */
    public void packWithBitmaps() {
        try {
            git.gc().setAggressive(false).call();
            try (var files = Files.list(dir.resolve(".git/objects/pack"))) {
                if (files.noneMatch(f -> f.toString().endsWith(".bitmap"))) {
                    throw new IllegalStateException("gc wrote no bitmap");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A commit that deletes {@code path} from {@code branch}. */
    public RevCommit delete(String branch, String subject, String path) {
        try {
            git.checkout().setName(branch).call();
            git.rm().addFilepattern(path).call();
            PersonIdent author = nextAuthor();
            return commitStaged(subject + "\n", author, author);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Moves {@code branch} to {@code commit} whatever it held, as {@code git push --force} would. */
    public void forceBranch(String branch, RevCommit commit) {
        try {
            if (branch.equals(git.getRepository().getBranch())) {
                // Leave the branch, so the next commit on it checks out its new tip.
                git.checkout().setName(commit.name()).call();
            }
            RefUpdate update = git.getRepository().updateRef(Constants.R_HEADS + branch);
            update.setNewObjectId(commit);
            update.setForceUpdate(true);
            RefUpdate.Result result = update.forceUpdate();
            if (result != RefUpdate.Result.FORCED && result != RefUpdate.Result.NO_CHANGE) {
                throw new IllegalStateException("could not move " + branch + ": " + result);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The author of the next commit, an hour after the one before. */
    private PersonIdent nextAuthor() {
        clock = clock.plusSeconds(3600);
        return new PersonIdent("Ada Author", "ada@example.org", clock, ZoneOffset.UTC);
    }

    /** Commits what is staged on the checked-out branch. */
    private RevCommit commitStaged(String message, PersonIdent author, PersonIdent committer) throws GitAPIException {
        return git.commit()
                .setMessage(message)
                .setAuthor(author)
                .setCommitter(committer)
                .call();
    }

    /** Moves the clock forward to {@code time}, so later commits and tags fall on a day of a test's choosing. */
    public void clockAt(Instant time) {
        if (time.isBefore(clock)) {
            throw new IllegalArgumentException("the clock only moves forward: " + time + " is before " + clock);
        }
        clock = time;
    }

    /** The repository's own files, for tests that damage or remove it. */
    public Path directory() {
        return dir;
    }

    public void branch(String name, String from) {
        try {
            git.branchCreate().setName(name).setStartPoint(from).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An annotated tag, as xen.git's RELEASE tags are. */
    public void tag(String name, String branch) {
        try {
            git.checkout().setName(branch).call();
            clock = clock.plusSeconds(60);
            git.tag()
                    .setName(name)
                    .setAnnotated(true)
                    .setMessage("Xen " + name)
                    .setTagger(new PersonIdent("Release Manager", "rm@example.org", clock, ZoneOffset.UTC))
                    .call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
