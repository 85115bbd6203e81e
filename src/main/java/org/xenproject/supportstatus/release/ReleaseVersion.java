package org.xenproject.supportstatus.release;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release as clients name it in a URL (SPEC 3): {@code 4.17}, {@code 4.17.3} (a point release,
 * which resolves to its branch), {@code stable-4.17}, {@code unstable} or {@code master}.
 *
 * @param name the release's own name: {@code X.Y}, or {@code unstable}
 */
public record ReleaseVersion(String name) {

    public static final ReleaseVersion UNSTABLE = new ReleaseVersion("unstable");

    private static final Pattern NUMBERED = Pattern.compile("(?:stable-)?(\\d{1,3})\\.(\\d{1,3})(?:\\.\\d{1,4})?");

    /** The release {@code text} names, or empty when it is not a version at all. */
    public static Optional<ReleaseVersion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.equals("unstable") || text.equals("master") || text.equals("staging")) {
            return Optional.of(UNSTABLE);
        }
        Matcher m = NUMBERED.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ReleaseVersion(Integer.parseInt(m.group(1)) + "." + Integer.parseInt(m.group(2))));
    }

    @Override
    public String toString() {
        return name;
    }
}
