package org.xenproject.supportstatus.testing;

/** Small SUPPORT.md files in the real format (docs/support-md.md), written for these tests. */
public final class SupportFiles {

    private SupportFiles() {}

    /**
     * A file with a Release Support block, two feature sections (5 status lines plus the 4
     * release-support lines) and {@code extraFeatures} appended as a further section's status lines.
     */
    public static String supportMd(
            String xenVersion,
            String initialRelease,
            String supportedUntil,
            String securitySupportUntil,
            String... extraFeatures) {
        StringBuilder toolstack = new StringBuilder();
        if (extraFeatures.length > 0) {
            toolstack.append("### Extra\n\n");
            for (String status : extraFeatures) {
                toolstack.append("    ").append(status).append('\n');
            }
        }
        return withToolstack(xenVersion, initialRelease, supportedUntil, securitySupportUntil, toolstack.toString());
    }

    /** The same file, with {@code toolstack} (Markdown: sections of level 3) under "## Toolstack". */
    public static String withToolstack(
            String xenVersion,
            String initialRelease,
            String supportedUntil,
            String securitySupportUntil,
            String toolstack) {
        String file = """
                % Support statement for this release

                This document describes the support status of the Xen branch within which you find it.

                # Release Support

                    Xen-Version: {version}
                    Initial-Release: {initial}
                    Supported-Until: {supported}
                    Security-Support-Until: {security}

                Release Notes
                : <a href="https://wiki.xenproject.org/wiki/Xen_Project_{version}_Release_Notes">RN</a>

                # Feature Support

                ## Host Architecture

                ### x86-64

                    Status: Supported

                ### ARM v8

                    Status, Xen in AArch64 mode: Supported
                    Status, Xen in AArch32 mode: Tech Preview

                ## Guest Type

                ### x86/PV

                Traditional Xen PV guest.

                    Status, x86_64: Supported
                    Status, x86_32, shim: Supported

                PV guests are limited to 8 TiB of memory.

                """.replace("{version}", xenVersion)
                .replace("{initial}", initialRelease)
                .replace("{supported}", supportedUntil)
                .replace("{security}", securitySupportUntil);
        return toolstack.isEmpty() ? file : file + "## Toolstack\n\n" + toolstack + "\n";
    }
}
