package org.xenproject.supportstatus.supportmd;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The release-support lines ({@code Xen-Version}, {@code Initial-Release}, {@code Supported-Until},
 * {@code Security-Support-Until}, {@code Release Notes}) made into {@link ReleaseSupport}.
 * A date is an ISO date or nothing: text ({@code TBD}, {@code n/a}) gives null quietly, something
 * that looks like a date but is none ({@code 2024-13-45}) gives null and a warning.
 */
final class ReleaseSupportReader {

    /** The lines' key parts (as in {@code release-support--<part>}) and the field each fills. */
    private static final Map<String, String> FIELDS = Map.of(
            "xen-version", "xenVersion",
            "initial-release", "initialRelease",
            "supported-until", "supportedUntil",
            "security-support-until", "securitySupportUntil",
            "release-notes", "releaseNotes");

    private static final Pattern ISO_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
    private static final Pattern DATE_LIKE =
            Pattern.compile("^\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}\\b.*|^\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4}\\b.*");

    private static final Pattern HREF = Pattern.compile("(?i)href\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern BARE_URL = Pattern.compile("<?(https?://[^\\s<>\"']+)");

    private ReleaseSupportReader() {}

    static boolean isKnownField(String qualifierPart) {
        return FIELDS.containsKey(qualifierPart);
    }

    static ReleaseSupport read(List<FeatureStatus> releaseLines, WarningLog log) {
        Map<String, String> raw = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        for (FeatureStatus status : releaseLines) {
            String field = FIELDS.get(StatusKeys.qualifierPart(status.qualifier()));
            if (field != null) {
                raw.put(field, status.text());
                lineOf.put(field, status.line());
            }
        }
        String notes = raw.get("releaseNotes");
        String notesUrl = null;
        if (notes != null) {
            notesUrl = link(notes);
            if (notesUrl == null) {
                log.add(
                        lineOf.get("releaseNotes"),
                        "Release Notes gives no link: '" + StatusBlock.abbreviated(notes) + "'");
            }
        }
        return new ReleaseSupport(
                raw.get("xenVersion"),
                date(raw, lineOf, "initialRelease", log),
                date(raw, lineOf, "supportedUntil", log),
                date(raw, lineOf, "securitySupportUntil", log),
                notesUrl,
                raw);
    }

    private static LocalDate date(Map<String, String> raw, Map<String, Integer> lineOf, String field, WarningLog log) {
        String text = raw.get(field);
        if (text == null) {
            return null;
        }
        if (ISO_DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                log.add(lineOf.get(field), "'" + text + "' is not a valid date; " + field + " left empty");
                return null;
            }
        }
        if (DATE_LIKE.matcher(text).matches()) {
            log.add(
                    lineOf.get(field),
                    "'" + StatusBlock.abbreviated(text) + "' is not an ISO date (YYYY-MM-DD); " + field
                            + " left empty");
        }
        return null;
    }

    /** The link target in a definition: an HTML {@code href}, a markdown link, or a bare URL. */
    static String link(String text) {
        Matcher href = HREF.matcher(text);
        if (href.find()) {
            return href.group(1) != null ? href.group(1) : href.group(2);
        }
        Matcher markdown = MARKDOWN_LINK.matcher(text);
        if (markdown.find()) {
            return markdown.group(1);
        }
        Matcher bare = BARE_URL.matcher(text);
        return bare.find() ? bare.group(1) : null;
    }
}
