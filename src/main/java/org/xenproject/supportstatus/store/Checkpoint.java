package org.xenproject.supportstatus.store;

/** What a source said about a branch: its tip and, for http, the response's validators. */
public record Checkpoint(String tip, boolean withHistory, String etag, String lastModified) {}
