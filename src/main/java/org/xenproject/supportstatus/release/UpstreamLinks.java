package org.xenproject.supportstatus.release;

/** Where Xen publishes its own rendering of each release's SUPPORT.md, its advisories and its commits. */
public final class UpstreamLinks {

    private static final String DOCS = "https://xenbits.xen.org/docs/";

    private UpstreamLinks() {}

    public static String supportHtml(String version) {
        return DOCS + ("unstable".equals(version) ? "unstable" : version + "-testing") + "/SUPPORT.html";
    }

    /** The anchor of a feature or status key in that page. */
    public static String supportHtml(String version, String key) {
        return supportHtml(version) + "#" + key;
    }

    /** xen.git, as Xen publishes it. */
    public static final String XEN_GIT = "https://xenbits.xen.org/git-http/xen.git";

    /** Xen's own page of a security advisory. */
    public static String advisory(int number) {
        return "https://xenbits.xen.org/xsa/advisory-" + number + ".html";
    }

    /** A commit of xen.git in Xen's gitweb. */
    public static String commit(String id) {
        return "https://xenbits.xen.org/gitweb/?p=xen.git;a=commit;h=" + id;
    }
}
