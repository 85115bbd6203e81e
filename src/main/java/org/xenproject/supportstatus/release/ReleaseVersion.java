package org.xenproject.supportstatus.release;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release, and the one rule for naming it (docs/versions.md): in a URL as {@code 4.17},
 * {@code 4.17.3} (a point release, which resolves to its branch), {@code stable-4.17},
 * {@code unstable} or {@code master}; in xen.git as its branch, {@code stable-X.Y} or
 * {@code master} (and {@code staging}).
 *
 * @param name the release's own name: {@code X.Y}, or {@code unstable}
 */
public record ReleaseVersion(String name) {

    public static final ReleaseVersion UNSTABLE = new ReleaseVersion("unstable");

    private static final String NUMBER = "(\\d{1,3})\\.(\\d{1,3})";
    private static final Pattern NAMED = Pattern.compile("(?:stable-)?" + NUMBER + "(?:\\.\\d{1,4})?");
    private static final Pattern BRANCH = Pattern.compile("stable-" + NUMBER);

    /** The release {@code text} names, or empty when it is not a version at all. */
    public static Optional<ReleaseVersion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.equals("unstable") || isUnstableBranch(text)) {
            return Optional.of(UNSTABLE);
        }
        return numbered(NAMED.matcher(text));
    }

    /** The release a branch carries, or empty for a branch that carries none. */
    public static Optional<ReleaseVersion> ofBranch(String branch) {
        return isUnstableBranch(branch) ? Optional.of(UNSTABLE) : numbered(BRANCH.matcher(branch));
    }

    private static boolean isUnstableBranch(String branch) {
        return branch.equals("master") || branch.equals("staging");
    }

    private static Optional<ReleaseVersion> numbered(Matcher m) {
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ReleaseVersion(Integer.parseInt(m.group(1)) + "." + Integer.parseInt(m.group(2))));
    }

    /**
     * Whether a file's {@code Xen-Version} speaks about this release: {@code 4.19-unstable},
     * {@code 4.19-rc}, {@code 4.19} and {@code 4.19.2} name 4.19; {@code 4.1} and {@code 4.190} do not.
     */
    public boolean isNamedBy(String xenVersion) {
        if (xenVersion == null || isUnstable()) {
            return false;
        }
        return Pattern.compile(Pattern.quote(name) + "(?!\\d)")
                .matcher(xenVersion.strip())
                .lookingAt();
    }

    public boolean isUnstable() {
        return equals(UNSTABLE);
    }

    /** X of X.Y; null for {@code unstable}, which sorts first. */
    public Integer major() {
        return isUnstable() ? null : Integer.valueOf(name.substring(0, name.indexOf('.')));
    }

    /** Y of X.Y; null for {@code unstable}. */
    public Integer minor() {
        return isUnstable() ? null : Integer.valueOf(name.substring(name.indexOf('.') + 1));
    }

    @Override
    public String toString() {
        return name;
    }
}
