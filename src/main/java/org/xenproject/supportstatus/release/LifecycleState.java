package org.xenproject.supportstatus.release;

/** Where a release stands on a given day (docs/versions.md). */
public enum LifecycleState {
    UNRELEASED("unreleased"),
    SUPPORTED("supported"),
    SECURITY_ONLY("security-only"),
    UNSUPPORTED("unsupported");

    private final String id;

    LifecycleState(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean securitySupported() {
        return this == SUPPORTED || this == SECURITY_ONLY;
    }

    public static LifecycleState fromId(String id) {
        for (LifecycleState state : values()) {
            if (state.id.equals(id)) {
                return state;
            }
        }
        return null;
    }
}
