package org.xenproject.supportstatus.release;

/** Where Xen publishes its own rendering of each release's SUPPORT.md. */
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
}
