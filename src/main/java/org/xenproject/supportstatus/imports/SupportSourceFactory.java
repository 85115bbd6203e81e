package org.xenproject.supportstatus.imports;

/** Opens the configured source for one import run. */
@FunctionalInterface
public interface SupportSourceFactory {
    SupportSource open();
}
