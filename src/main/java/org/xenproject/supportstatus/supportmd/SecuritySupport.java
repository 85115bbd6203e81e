package org.xenproject.supportstatus.supportmd;

/** Whether the Xen security team issues advisories for a feature (docs/support-md.md, "Normalised status"). */
public enum SecuritySupport {
    YES("yes"),
    CONDITIONAL("conditional"),
    NO("no"),
    EXTERNAL("external"),
    UNKNOWN("unknown");

    private final String id;

    SecuritySupport(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static SecuritySupport fromId(String id) {
        for (SecuritySupport security : values()) {
            if (security.id.equals(id)) {
                return security;
            }
        }
        return null;
    }
}
