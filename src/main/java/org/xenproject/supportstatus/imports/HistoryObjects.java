package org.xenproject.supportstatus.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.RawParseUtils;

/**
 * What the history walks of one import read, reduced to what they look at and kept for the run
 * (docs/architecture.md, "A first import").
 *
 * <p>Each branch's history is JGit's own walk ({@code git log <branch> -- SUPPORT.md}), and the
 * stable branches share most of master's past: walked one after the other, they would read the
 * same tens of thousands of commits and top-level trees again, branch after branch. Through this
 * reader each is read once: a commit as its headers (tree, parents, author, committer: all a walk
 * parses), a top-level tree as its SUPPORT.md entry alone (all a walk filtered on that path
 * compares). The walk itself is unchanged, so each branch gets the very revisions, in the very
 * order, it got before.
 *
 * <p>Commits read through it have no message: read a revision's subject from the repository.
 * Every other object, and every tree that is not a commit's top-level tree, is the repository's.
 */
final class HistoryObjects extends ObjectReader.Filter {

    /** Past this many bytes of commit headers (a repository far larger than xen.git) commits are read again. */
    private static final long MAX_CACHED_BYTES = 64L * 1024 * 1024;

    private static final byte[] PATH = Constants.encode(SupportSource.PATH);

    private final ObjectReader repository;
    private final Map<ObjectId, byte[]> commits = new HashMap<>();
    private final Map<ObjectId, byte[]> topLevelTrees = new HashMap<>();
    private final Set<ObjectId> topLevelTreeIds = new HashSet<>();
    private long cachedBytes;

    HistoryObjects(Repository repository) {
        this.repository = repository.newObjectReader();
    }

    @Override
    protected ObjectReader delegate() {
        return repository;
    }

    @Override
    public ObjectLoader open(AnyObjectId id, int typeHint)
            throws MissingObjectException, IncorrectObjectTypeException, IOException {
        if (typeHint == Constants.OBJ_COMMIT) {
            return new ObjectLoader.SmallObject(Constants.OBJ_COMMIT, headers(id));
        }
        if (typeHint == Constants.OBJ_TREE && topLevelTreeIds.contains(id)) {
            byte[] tree = topLevelTrees.get(id);
            if (tree == null) {
                tree = supportEntry(id);
                topLevelTrees.put(id.copy(), tree);
            }
            return new ObjectLoader.SmallObject(Constants.OBJ_TREE, tree);
        }
        return repository.open(id, typeHint);
    }

    @Override
    public ObjectReader newReader() {
        // A reader of its own for whoever asks (JGit's walks do not), without this one's cache.
        return repository.newReader();
    }

    private byte[] headers(AnyObjectId id) throws IOException {
        byte[] cached = commits.get(id);
        if (cached != null) {
            return cached;
        }
        byte[] raw = repository.open(id, Constants.OBJ_COMMIT).getCachedBytes();
        int message = RawParseUtils.commitMessage(raw, 0);
        byte[] headers = message < 0 ? raw : Arrays.copyOf(raw, message);
        // Every commit starts with "tree <id>": the trees worth reducing.
        topLevelTreeIds.add(ObjectId.fromString(raw, "tree ".length()));
        if (cachedBytes < MAX_CACHED_BYTES) {
            commits.put(id.copy(), headers);
            cachedBytes += headers.length;
        }
        return headers;
    }

    /** The tree's SUPPORT.md entry alone, in git's tree format; empty when it has none. */
    private byte[] supportEntry(AnyObjectId tree) throws IOException {
        try (TreeWalk walk = TreeWalk.forPath(repository, SupportSource.PATH, tree)) {
            if (walk == null) {
                return new byte[0];
            }
            ByteArrayOutputStream entry = new ByteArrayOutputStream();
            walk.getFileMode(0).copyTo(entry);
            entry.write(' ');
            entry.write(PATH);
            entry.write(0);
            walk.getObjectId(0).copyRawTo(entry);
            return entry.toByteArray();
        }
    }

    @Override
    public void close() {
        repository.close();
    }
}
