package org.xenproject.supportstatus.release;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A point release: a {@code RELEASE-X.Y.Z} tag (docs/versions.md).
 *
 * @param taggedAt the tag's date for an annotated tag, else its commit's; null when the source does not tell
 */
public record PointRelease(String tag, int major, int minor, int patch, String commitId, Instant taggedAt) {

    private static final Pattern TAG = Pattern.compile("RELEASE-(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,4})");

    /** The point release a tag names, or empty when it names none. */
    public static Optional<PointRelease> ofTag(String tag, String commitId, Instant taggedAt) {
        Matcher m = TAG.matcher(tag);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new PointRelease(
                tag,
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)),
                commitId,
                taggedAt));
    }

    private static final Pattern NAMED = Pattern.compile("(?:stable-)?\\d{1,3}\\.\\d{1,3}\\.(\\d{1,4})");

    /** The patch number when {@code name} (a version in a URL) names a point release, as {@code 4.17.3} does. */
    public static OptionalInt patchNamedBy(String name) {
        Matcher m = NAMED.matcher(name);
        return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    /** {@code X.Y.Z} */
    public String version() {
        return major + "." + minor + "." + patch;
    }

    /** The release it belongs to. */
    public ReleaseVersion release() {
        return new ReleaseVersion(major + "." + minor);
    }
}
