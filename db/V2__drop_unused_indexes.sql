-- Indexes that no query of the service uses: features and statuses are read by support_file_id
-- (their primary keys), tags all at once, and support files are never deleted. Fewer indexes make
-- a first import's bulk inserts cheaper. People querying these tables by hand can add their own.
drop index if exists section_key;
drop index if exists feature_status_key;
drop index if exists feature_status_level;
drop index if exists feature_status_arches;
drop index if exists revision_support_file;
drop index if exists release_tag_release;
