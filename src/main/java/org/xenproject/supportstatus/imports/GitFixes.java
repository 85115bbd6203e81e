package org.xenproject.supportstatus.imports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevFlag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.util.RawParseUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xenproject.supportstatus.advisory.FixMessage;
import org.xenproject.supportstatus.advisory.FixMessageReader;
import org.xenproject.supportstatus.advisory.IntroducedBy;
import org.xenproject.supportstatus.imports.SupportSource.BranchFailure;
import org.xenproject.supportstatus.imports.SupportSource.SourceBranch;
import org.xenproject.supportstatus.release.PointRelease;
import org.xenproject.supportstatus.store.FixCommit;
import org.xenproject.supportstatus.store.KnownFixes;

/**
 * The security fixes on the branches of a git repository (docs/architecture.md, "Security
 * fixes"). One walk serves every branch of a run, so each commit's message is read once however
 * many branches reach it (xen.git's 14 branches share most of master's 55,000 commits), and only
 * messages that name "xsa" in some case go to the reader: every fix sentence names one.
 */
final class GitFixes implements FixSource {

    private static final Logger log = LoggerFactory.getLogger(GitFixes.class);

    /**
     * An id the repository may resolve: hex, at least as long as git's shortest default
     * abbreviation. A shorter one is not unique in a repository of xen.git's size, and resolving
     * it in a small one would be a guess.
     */
    private static final Pattern RESOLVABLE = Pattern.compile("[0-9a-f]{7,40}");

    private final ObjectReader reader;
    private final RevWalk walk;
    /** The commits whose message this run has read, on whichever branch. */
    private final RevFlag read;
    /** Of those, the fixes. */
    private final Map<ObjectId, FixCommit> fixes = new HashMap<>();

    private final Map<String, Optional<String>> resolved = new HashMap<>();

    GitFixes(Repository repository) {
        this.reader = repository.newObjectReader();
        this.walk = new RevWalk(reader);
        this.read = walk.newFlag("message read");
    }

    @Override
    public BranchFixes read(SourceBranch branch, List<PointRelease> tags, boolean tagsAsKnown, KnownFixes known)
            throws BranchFailure {
        try {
            walk.resetRetain(read);
            RevCommit tip = walk.parseCommit(ObjectId.fromString(branch.tip()));
            RevCommit grownFrom = grownFrom(known.tip(), tip);
            walk.resetRetain(read);
            walk.markStart(tip);
            if (grownFrom != null) {
                walk.markUninteresting(grownFrom);
            }
            List<FixCommit> found = new ArrayList<>();
            int commitsRead = 0;
            for (RevCommit commit = walk.next(); commit != null; commit = walk.next()) {
                if (!commit.has(read)) {
                    readMessage(commit);
                    commit.add(read);
                    commitsRead++;
                }
                FixCommit fix = fixes.get(commit);
                if (fix != null) {
                    found.add(fix);
                }
            }
            Map<String, String> reached = new HashMap<>();
            Set<ObjectId> placing = new HashSet<>();
            if (grownFrom != null) {
                known.commits().forEach(c -> reached.put(c, null));
            }
            for (FixCommit fix : found) {
                reached.put(fix.commit(), null);
            }
            RevCommit placed = null;
            if (grownFrom != null && tagsAsKnown) {
                // The tags' commits are as before, and so is what each contains: only the new commits need a place.
                placed = grownFrom;
                known.pointReleases().forEach(reached::replace);
                found.forEach(f -> placing.add(ObjectId.fromString(f.commit())));
            } else {
                reached.keySet().forEach(c -> placing.add(ObjectId.fromString(c)));
            }
            placeInPointReleases(placing, tags, placed, reached);
            return new BranchFixes(found, reached, commitsRead);
        } catch (IOException | IllegalArgumentException e) {
            throw new BranchFailure("could not read the security fixes on " + branch.name() + ": " + e.getMessage(), e);
        }
    }

    /** The commit the fixes were last read at, when {@code tip} grew from it; else null (never read, or forced). */
    private RevCommit grownFrom(String knownTip, RevCommit tip) throws IOException {
        if (knownTip == null || !ObjectId.isId(knownTip) || !reader.has(ObjectId.fromString(knownTip))) {
            return null;
        }
        try {
            RevCommit known = walk.parseCommit(ObjectId.fromString(knownTip));
            return walk.isMergedInto(known, tip) ? known : null;
        } catch (IncorrectObjectTypeException e) {
            return null;
        }
    }

    private void readMessage(RevCommit commit) throws IOException {
        if (commit.getRawBuffer() == null) {
            walk.parseBody(commit);
        }
        byte[] raw = commit.getRawBuffer();
        int message = RawParseUtils.commitMessage(raw, 0);
        if (message >= 0 && namesXsa(raw, message)) {
            Optional<FixMessage> fix = FixMessageReader.read(commit.getFullMessage());
            if (fix.isPresent()) {
                fixes.put(commit.copy(), fixCommit(commit, fix.get()));
            }
        }
        // The walk keeps every commit it met for the rest of the run; their messages are done with.
        commit.disposeBody();
    }

    /** "xsa" in any case, as bytes: the reader takes ids in ASCII only. */
    private static boolean namesXsa(byte[] raw, int from) {
        for (int i = from; i + 2 < raw.length; i++) {
            if ((raw[i] | 0x20) == 'x' && (raw[i + 1] | 0x20) == 's' && (raw[i + 2] | 0x20) == 'a') {
                return true;
            }
        }
        return false;
    }

    private FixCommit fixCommit(RevCommit commit, FixMessage message) throws IOException {
        List<FixCommit.Introduced> introduced = new ArrayList<>();
        for (IntroducedBy by : message.introducedBy()) {
            introduced.add(new FixCommit.Introduced(by.commit(), resolve(by.commit()), by.subject()));
        }
        return new FixCommit(
                commit.name(),
                commit.getCommitterIdent().getWhenAsInstant(),
                commit.getShortMessage(),
                message.pickedFrom(),
                resolve(message.pickedFrom()),
                message.advisories(),
                message.cves(),
                introduced,
                message.warnings());
    }

    /** The full id of the one commit {@code written} names, or null: kept as written, never guessed. */
    private String resolve(String written) throws IOException {
        if (written == null || !RESOLVABLE.matcher(written).matches()) {
            return null;
        }
        Optional<String> known = resolved.get(written);
        if (known == null) {
            Collection<ObjectId> matches = written.length() == Constants.OBJECT_ID_STRING_LENGTH
                    ? List.of(ObjectId.fromString(written))
                    : reader.resolve(AbbreviatedObjectId.fromString(written));
            List<ObjectId> commits = new ArrayList<>();
            for (ObjectId match : matches) {
                if (isCommit(match)) {
                    commits.add(match);
                }
            }
            known = commits.size() == 1 ? Optional.of(commits.get(0).name()) : Optional.empty();
            resolved.put(written, known);
        }
        return known.orElse(null);
    }

    private boolean isCommit(ObjectId id) throws IOException {
        try {
            return reader.open(id).getType() == Constants.OBJ_COMMIT;
        } catch (MissingObjectException e) {
            return false;
        }
    }

    /**
     * Gives each of {@code placing} the earliest point release whose tag's commit contains it: the
     * tags in patch order, each walked with the earlier ones (and {@code boundary}, whose commits
     * are placed already) uninteresting, so a commit is met in the first tag that contains it.
     */
    private void placeInPointReleases(
            Set<ObjectId> placing, List<PointRelease> tags, RevCommit boundary, Map<String, String> reached)
            throws IOException {
        List<PointRelease> inOrder = tags.stream()
                .sorted(Comparator.comparingInt(PointRelease::patch).thenComparing(PointRelease::tag))
                .toList();
        List<RevCommit> earlier = new ArrayList<>();
        for (PointRelease tag : inOrder) {
            if (placing.isEmpty()) {
                return;
            }
            RevCommit tagged;
            try {
                tagged = walk.parseCommit(ObjectId.fromString(tag.commitId()));
            } catch (MissingObjectException | IncorrectObjectTypeException e) {
                log.warn(
                        "{} names no commit of the repository ({}): no fix is placed in it", tag.tag(), e.getMessage());
                continue;
            }
            walk.resetRetain(read);
            walk.markStart(tagged);
            for (RevCommit before : earlier) {
                walk.markUninteresting(before);
            }
            if (boundary != null) {
                walk.markUninteresting(boundary);
            }
            for (RevCommit commit = walk.next(); commit != null; commit = walk.next()) {
                if (placing.remove(commit)) {
                    reached.put(commit.name(), tag.version());
                }
            }
            earlier.add(tagged);
        }
    }

    @Override
    public void close() {
        walk.close();
        reader.close();
    }
}
