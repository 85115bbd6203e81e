package org.xenproject.supportstatus.snapshot;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.xenproject.supportstatus.advisory.AdvisoryMention;
import org.xenproject.supportstatus.release.PointRelease;
import org.xenproject.supportstatus.store.FixCommit;
import org.xenproject.supportstatus.store.StoredFix;

/**
 * The security fixes of every release, by advisory (docs/advisories.md): each advisory with one fix
 * per release whose branch has a commit for it. A fix made of several commits (a series, each
 * "part of" the advisory) is the whole series: it is in a point release when all of it is.
 *
 * @param all newest first: by the time of their first fix
 */
public record Advisories(List<Advisory> all) {

    /**
     * One advisory's fix on one release.
     *
     * @param commits      the fix's commits on the branch, newest first: the first completed it
     * @param pointRelease the earliest point release holding every commit, or null while one is on
     *                     the branch only
     */
    public record Fix(String release, List<FixCommit> commits, PointRelease pointRelease) {

        /** The commit that completed the fix. */
        public FixCommit commit() {
            return commits.get(0);
        }

        /** Whether a system on {@code point} has it. */
        public boolean in(PointRelease point) {
            return pointRelease != null && point != null && pointRelease.patch() <= point.patch();
        }
    }

    /**
     * An advisory: its fixes, newest release first.
     *
     * @param firstFixedAt when the first commit of any release for it was committed
     */
    public record Advisory(int number, List<String> cves, Instant firstFixedAt, List<Fix> fixes) {

        public String id() {
            return "XSA-" + number;
        }

        public Optional<Fix> on(String release) {
            return fixes.stream().filter(f -> f.release().equals(release)).findFirst();
        }

        /** The day of its first fix, UTC. */
        public LocalDate firstFixDay() {
            return firstFixedAt.atOffset(ZoneOffset.UTC).toLocalDate();
        }

        /** When what is known of it last changed: its newest commit, or the newest point release holding one. */
        public Instant modified() {
            Instant modified = firstFixedAt;
            for (Fix fix : fixes) {
                Instant committed = fix.commit().committedAt();
                if (committed.isAfter(modified)) {
                    modified = committed;
                }
                if (fix.pointRelease() != null
                        && fix.pointRelease().taggedAt() != null
                        && fix.pointRelease().taggedAt().isAfter(modified)) {
                    modified = fix.pointRelease().taggedAt();
                }
            }
            return modified;
        }
    }

    public Advisories {
        all = List.copyOf(all);
    }

    /**
     * The advisories of {@code fixes}, as known at {@code until} (null: now): only the commits made
     * by then, and only the point releases tagged by then.
     *
     * @param releases the releases, newest first, each with its point releases
     */
    static Advisories of(List<StoredFix> fixes, List<Release> releases, Instant until) {
        Map<String, Release> byVersion = new LinkedHashMap<>();
        releases.forEach(r -> byVersion.put(r.version(), r));
        // advisory -> release -> its commits and their point releases
        Map<Integer, Map<String, List<StoredFix>>> grouped = new LinkedHashMap<>();
        for (StoredFix fix : fixes) {
            if (!byVersion.containsKey(fix.release())
                    || (until != null && fix.fix().committedAt().isAfter(until))) {
                continue;
            }
            for (AdvisoryMention mention : fix.fix().advisories()) {
                grouped.computeIfAbsent(mention.number(), n -> new LinkedHashMap<>())
                        .computeIfAbsent(fix.release(), r -> new ArrayList<>())
                        .add(fix);
            }
        }
        List<Advisory> advisories = new ArrayList<>();
        grouped.forEach((number, byRelease) -> {
            List<Fix> releaseFixes = new ArrayList<>();
            Set<String> cves = new LinkedHashSet<>();
            Instant first = null;
            for (Release release : byVersion.values()) {
                List<StoredFix> parts = byRelease.get(release.version());
                if (parts == null) {
                    continue;
                }
                List<StoredFix> sorted = new ArrayList<>(parts);
                sorted.sort(Comparator.comparing((StoredFix f) -> f.fix().committedAt())
                        .reversed()
                        .thenComparing(f -> f.fix().commit()));
                PointRelease point = null;
                boolean everyPart = true;
                for (StoredFix part : sorted) {
                    Optional<PointRelease> in = pointRelease(release, part.pointRelease(), until);
                    if (in.isEmpty()) {
                        everyPart = false;
                    } else if (point == null || in.get().patch() > point.patch()) {
                        point = in.get();
                    }
                    part.fix().cves().forEach(cves::add);
                    Instant committed = part.fix().committedAt();
                    first = first == null || committed.isBefore(first) ? committed : first;
                }
                releaseFixes.add(new Fix(
                        release.version(), sorted.stream().map(StoredFix::fix).toList(), everyPart ? point : null));
            }
            advisories.add(new Advisory(number, List.copyOf(cves), first, releaseFixes));
        });
        advisories.sort(Comparator.comparing(Advisory::firstFixedAt)
                .thenComparingInt(Advisory::number)
                .reversed());
        return new Advisories(advisories);
    }

    private static Optional<PointRelease> pointRelease(Release release, String version, Instant until) {
        if (version == null) {
            return Optional.empty();
        }
        return release.pointReleases().stream()
                .filter(p -> p.version().equals(version))
                .filter(p ->
                        until == null || p.taggedAt() == null || !p.taggedAt().isAfter(until))
                .findFirst();
    }

    public Optional<Advisory> get(int number) {
        return all.stream().filter(a -> a.number() == number).findFirst();
    }

    /** Every release's fixes, newest first (by the commit that completed each), each with its advisory. */
    public List<ReleaseFix> fixes() {
        List<ReleaseFix> fixes = new ArrayList<>();
        for (Advisory advisory : all) {
            advisory.fixes().forEach(fix -> fixes.add(new ReleaseFix(advisory, fix)));
        }
        fixes.sort(Comparator.comparing((ReleaseFix f) -> f.fix().commit().committedAt())
                .reversed());
        return fixes;
    }

    /** The fixes on one release's branch, newest first, each with its advisory. */
    public List<ReleaseFix> of(String release) {
        return fixes().stream().filter(f -> f.fix().release().equals(release)).toList();
    }

    /** A release's fix of an advisory. */
    public record ReleaseFix(Advisory advisory, Fix fix) {}
}
