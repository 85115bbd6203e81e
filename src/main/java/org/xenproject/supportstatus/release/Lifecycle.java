package org.xenproject.supportstatus.release;

import java.time.LocalDate;

/**
 * A release's lifecycle dates as its SUPPORT.md gives them; {@code null} where the file says text
 * such as {@code TBD}.
 */
public record Lifecycle(LocalDate initialRelease, LocalDate supportedUntil, LocalDate securitySupportUntil) {

    /**
     * The state on {@code day}, all bounds inclusive. A release without an initial release date is
     * unreleased; an end date still to be decided ({@code TBD}) has not passed.
     */
    public LifecycleState stateOn(LocalDate day) {
        if (initialRelease == null || day.isBefore(initialRelease)) {
            return LifecycleState.UNRELEASED;
        }
        if (supportedUntil == null || !day.isAfter(supportedUntil)) {
            return LifecycleState.SUPPORTED;
        }
        if (securitySupportUntil == null || !day.isAfter(securitySupportUntil)) {
            return LifecycleState.SECURITY_ONLY;
        }
        return LifecycleState.UNSUPPORTED;
    }
}
