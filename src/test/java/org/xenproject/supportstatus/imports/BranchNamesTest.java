package org.xenproject.supportstatus.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xenproject.supportstatus.release.ReleaseBranch;
import org.xenproject.supportstatus.release.ReleaseVersion;

/** Which branches are imported, and as which release. */
class BranchNamesTest {

    @Test
    void globPatterns() {
        BranchPatterns patterns = new BranchPatterns(List.of("stable-*", "master"));

        assertThat(patterns.matches("stable-4.19")).isTrue();
        assertThat(patterns.matches("stable-4.9")).isTrue();
        assertThat(patterns.matches("master")).isTrue();
        assertThat(patterns.matches("staging")).isFalse();
        assertThat(patterns.matches("staging-4.19")).isFalse();
        assertThat(patterns.matches("xstable-4.19")).isFalse();
        assertThat(new BranchPatterns(List.of("stable-4.1?")).matches("stable-4.19"))
                .isTrue();
        assertThat(new BranchPatterns(List.of("stable-4.1?")).matches("stable-4.1"))
                .isFalse();
        assertThat(new BranchPatterns(List.of("stable-4.1?")).matches("stable-4.190"))
                .isFalse();
        // Regex characters in a pattern are literal.
        assertThat(new BranchPatterns(List.of("stable-4.1")).matches("stable-401"))
                .isFalse();
    }

    @Test
    void releaseOfABranch() {
        assertThat(ReleaseBranch.of("stable-4.19"))
                .contains(new ReleaseBranch("stable-4.19", new ReleaseVersion("4.19")));
        assertThat(ReleaseBranch.of("stable-4.9")).contains(new ReleaseBranch("stable-4.9", new ReleaseVersion("4.9")));
        assertThat(ReleaseBranch.of("master")).contains(new ReleaseBranch("master", ReleaseVersion.UNSTABLE));
        assertThat(ReleaseBranch.of("staging")).contains(new ReleaseBranch("staging", ReleaseVersion.UNSTABLE));
        assertThat(ReleaseBranch.of("staging-4.19")).isEmpty();
        assertThat(ReleaseBranch.of("stable-4.19-rc")).isEmpty();
        assertThat(ReleaseBranch.of("stable-4")).isEmpty();
        assertThat(ReleaseBranch.of("stable-4.19").orElseThrow().release().major())
                .isEqualTo(4);
        assertThat(ReleaseBranch.of("stable-4.19").orElseThrow().release().minor())
                .isEqualTo(19);
        assertThat(ReleaseBranch.of("master").orElseThrow().release().major()).isNull();
    }

    @Test
    void credentialsNeverShow() {
        assertThat(Urls.withoutCredentials("https://user:secret@example.org/xen.git"))
                .isEqualTo("https://example.org/xen.git");
        assertThat(Urls.withoutCredentials("https://xenbits.xen.org/git-http/xen.git"))
                .isEqualTo("https://xenbits.xen.org/git-http/xen.git");
        assertThat(Urls.withoutCredentials("/srv/git/xen.git")).isEqualTo("/srv/git/xen.git");
    }

    @Test
    void oneCacheDirectoryPerSourceUrl() {
        String xenbits = GitSupportSource.cacheName("https://xenbits.xen.org/git-http/xen.git");
        assertThat(xenbits).matches("xen\\.git-[0-9a-f]{12}");
        assertThat(GitSupportSource.cacheName("https://mirror.example/xen.git"))
                .isNotEqualTo(xenbits)
                .startsWith("xen.git-");
        assertThat(GitSupportSource.cacheName("/srv/git/xen/")).startsWith("xen-");
    }
}
