package org.xenproject.supportstatus.supportmd;

/** The host architectures a status can apply to (docs/support-md.md, "Architectures"). */
public enum Arch {
    X86("x86"),
    ARM32("arm32"),
    ARM64("arm64");

    private final String id;

    Arch(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Arch fromId(String id) {
        for (Arch arch : values()) {
            if (arch.id.equals(id)) {
                return arch;
            }
        }
        return null;
    }
}
