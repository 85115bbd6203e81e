package org.xenproject.supportstatus.imports;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.xenproject.supportstatus.release.ReleaseVersion;

/**
 * The release a branch carries (SPEC 3): {@code stable-X.Y} is release {@code X.Y};
 * {@code master} and {@code staging} are {@code unstable}, which has no number.
 */
public record ReleaseBranch(String branch, String version, Integer major, Integer minor) {

    public static final String UNSTABLE = ReleaseVersion.UNSTABLE.name();

    private static final Pattern STABLE = Pattern.compile("stable-(\\d{1,4})\\.(\\d{1,4})");

    public static Optional<ReleaseBranch> of(String branch) {
        if (branch.equals("master") || branch.equals("staging")) {
            return Optional.of(new ReleaseBranch(branch, UNSTABLE, null, null));
        }
        Matcher m = STABLE.matcher(branch);
        if (m.matches()) {
            int major = Integer.parseInt(m.group(1));
            int minor = Integer.parseInt(m.group(2));
            return Optional.of(new ReleaseBranch(branch, major + "." + minor, major, minor));
        }
        return Optional.empty();
    }
}
