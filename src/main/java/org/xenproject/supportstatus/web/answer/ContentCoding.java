package org.xenproject.supportstatus.web.answer;

import java.util.Locale;

/**
 * Whether a client takes gzip, by {@code Accept-Encoding} as RFC 9110 (section 12.5.3) reads it:
 * a coding named with {@code q=0} is refused, {@code *} stands for every coding not named, and
 * {@code identity} alone asks for none. An element that does not parse counts for nothing.
 * (Tomcat's own parser drops the {@code q=0} elements, so it cannot tell {@code gzip;q=0, *}
 * from {@code *}.)
 */
final class ContentCoding {

    private ContentCoding() {}

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        double gzip = -1;
        double any = -1;
        for (String element : acceptEncoding.split(",")) {
            String[] parts = element.split(";");
            if (parts.length == 0) {
                continue;
            }
            String coding = parts[0].trim().toLowerCase(Locale.ROOT);
            double quality = quality(parts);
            if (quality < 0) {
                continue;
            }
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                gzip = Math.max(gzip, quality);
            } else if (coding.equals("*")) {
                any = Math.max(any, quality);
            }
        }
        return gzip >= 0 ? gzip > 0 : any > 0;
    }

    /** The element's weight, 1 when it gives none, or -1 when it gives one that is not a weight. */
    private static double quality(String[] parts) {
        double quality = 1;
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.length() > 2
                    && (parameter.charAt(0) == 'q' || parameter.charAt(0) == 'Q')
                    && parameter.charAt(1) == '=') {
                String value = parameter.substring(2).trim();
                if (!value.matches("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?")) {
                    return -1;
                }
                quality = Double.parseDouble(value);
            }
        }
        return quality;
    }
}
