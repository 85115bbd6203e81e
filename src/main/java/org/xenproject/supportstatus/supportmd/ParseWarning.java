package org.xenproject.supportstatus.supportmd;

/** An irregularity the reader took in its stride: 1-based line number in the file, and what it saw. */
public record ParseWarning(int line, String message) {}
