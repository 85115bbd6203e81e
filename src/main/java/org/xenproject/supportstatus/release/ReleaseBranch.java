package org.xenproject.supportstatus.release;

import java.util.Optional;

/** A branch of xen.git and the release it carries (docs/versions.md). */
public record ReleaseBranch(String branch, ReleaseVersion release) {

    /** The release {@code branch} carries, or empty when it carries none. */
    public static Optional<ReleaseBranch> of(String branch) {
        return ReleaseVersion.ofBranch(branch).map(release -> new ReleaseBranch(branch, release));
    }

    public String version() {
        return release.name();
    }
}
