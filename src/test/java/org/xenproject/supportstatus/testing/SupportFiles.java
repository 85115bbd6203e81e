package org.xenproject.supportstatus.testing;

/** Small SUPPORT.md files in the real format (SPEC 2), written for these tests. */
public final class SupportFiles {

    private SupportFiles() {
    }

    /**
     * A file with a Release Support block, two feature sections (5 status lines plus the 4
     * release-support lines) and {@code extraFeatures} appended as a further section's status lines.
     */
    public static String supportMd(String xenVersion, String initialRelease, String supportedUntil,
            String securitySupportUntil, String... extraFeatures) {
        StringBuilder text = new StringBuilder("""
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

                """.replace("{version}", xenVersion).replace("{initial}", initialRelease)
                .replace("{supported}", supportedUntil).replace("{security}", securitySupportUntil));
        if (extraFeatures.length > 0) {
            text.append("## Toolstack\n\n### Extra\n\n");
            for (String status : extraFeatures) {
                text.append("    ").append(status).append('\n');
            }
            text.append('\n');
        }
        return text.toString();
    }
}
