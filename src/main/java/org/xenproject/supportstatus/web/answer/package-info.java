/**
 * Answers as the service gives them: prepared once per snapshot, keyed by their question, kept as
 * bytes (gzipped once as well), tagged with a digest of those bytes, and written by the one caching
 * rule (docs/architecture.md, "The caching rule"). Also what answers share: feeds and the base of
 * absolute links.
 */
package org.xenproject.supportstatus.web.answer;
