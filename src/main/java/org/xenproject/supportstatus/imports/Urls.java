package org.xenproject.supportstatus.imports;

import java.util.regex.Pattern;

/** Source URLs as they may be shown: in logs, in import runs. */
final class Urls {

    private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/@]*@");

    private Urls() {}

    /** The URL without {@code user:password@}, which must not reach logs or the API. */
    static String withoutCredentials(String url) {
        return USER_INFO.matcher(url).replaceFirst("$1");
    }
}
