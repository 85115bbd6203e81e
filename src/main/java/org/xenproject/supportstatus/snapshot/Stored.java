package org.xenproject.supportstatus.snapshot;

import org.xenproject.supportstatus.store.Revisions;
import org.xenproject.supportstatus.store.StoredSupportFiles;

/** What a snapshot reads from the store on demand: histories and old revisions. */
record Stored(Revisions revisions, StoredSupportFiles files) {}
