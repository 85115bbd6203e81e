package org.xenproject.supportstatus.snapshot;

import org.xenproject.supportstatus.store.Revisions;
import org.xenproject.supportstatus.store.SecurityFixes;
import org.xenproject.supportstatus.store.StoredSupportFiles;

/** What a snapshot reads from the store on demand: histories, old revisions, security fixes. */
record Stored(Revisions revisions, StoredSupportFiles files, SecurityFixes fixes) {}
