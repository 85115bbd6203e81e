package org.xenproject.supportstatus.web.page;

import java.time.LocalDate;
import java.util.List;
import org.xenproject.supportstatus.release.ReleaseVersion;
import org.xenproject.supportstatus.web.release.ReleaseView;

/**
 * A release as a column header and a release page show it: its lifecycle dates (or the text the
 * file gives instead, such as {@code TBD}) and its state on the day the page is for.
 *
 * @param stateLabel the state in words; {@code unstable} is in development rather than unreleased
 */
record ReleaseColumn(ReleaseView release, boolean unstable, String stateLabel, List<LifecycleDate> dates) {

    /**
     * One lifecycle date.
     *
     * @param label  short, for a narrow column header
     * @param value  the date, the file's text where it gives no date, or a dash when it gives nothing
     * @param isDate the value is a date, which a narrow column must not break at its hyphens
     */
    record LifecycleDate(String label, String value, boolean isDate) {}

    static ReleaseColumn of(ReleaseView release) {
        boolean unstable = ReleaseVersion.UNSTABLE.name().equals(release.version());
        return new ReleaseColumn(
                release,
                unstable,
                stateLabel(release.state(), unstable),
                List.of(
                        date("Released", release.initialRelease(), release, "initialRelease"),
                        date("Support", release.supportedUntil(), release, "supportedUntil"),
                        date("Security", release.securitySupportUntil(), release, "securitySupportUntil")));
    }

    private static String stateLabel(String state, boolean unstable) {
        return switch (state) {
            case "unreleased" -> unstable ? "in development" : "unreleased";
            case "security-only" -> "security fixes only";
            default -> state;
        };
    }

    private static LifecycleDate date(String label, LocalDate date, ReleaseView release, String field) {
        if (date != null) {
            return new LifecycleDate(label, date.toString(), true);
        }
        String raw = release.raw().get(field);
        return new LifecycleDate(label, raw == null || raw.isBlank() ? "—" : raw, false);
    }
}
