package org.xenproject.supportstatus.web.page;

import java.util.Set;

/**
 * The words a page shows next to a status whose security support is not plain: the Xen security
 * team issues no advisories for it, or only under conditions, or someone else does.
 */
final class SecurityNote {

    private static final Set<String> MARKED = Set.of("no", "conditional", "external");

    private SecurityNote() {}

    /** The note for a normalised security support ({@code yes}, {@code no}, ...), or null when none is due. */
    static String of(String security) {
        return MARKED.contains(security) ? "security: " + security : null;
    }
}
