-- Xen support status: what the importer stores and the query API reads.
--
--   release ──current_revision_id──▶ revision ──support_file_id──▶ support_file ◀── section
--      ▲                                 │                               ▲
--      └──────────release_id─────────────┘                               └──── feature_status
--
-- A support_file is one distinct SUPPORT.md content (by SHA-256), parsed once: the same text
-- reached from several branches or commits (stable branches share master's history up to
-- their branch point) is stored and parsed once. A revision says where and when a release's
-- branch had that content.

-- Bumped in the same transaction as every import that stores something: the query API derives
-- ETags from it and other instances watch it to drop their caches.
create table data_version (
    id         boolean primary key default true check (id),
    version    bigint      not null,
    changed_at timestamptz not null
);
insert into data_version (version, changed_at) values (0, now());

create table support_file (
    id                     bigint generated always as identity primary key,
    sha256                 text        not null unique check (sha256 ~ '^[0-9a-f]{64}$'),
    content                text        not null,
    -- Irregularities the reader took in its stride: [{"line": 12, "message": "..."}]
    warnings               jsonb       not null default '[]',
    -- The "# Release Support" block; a date is null when the file gives text (TBD, n/a),
    -- which release_raw keeps verbatim: {"xenVersion": ..., "supportedUntil": "TBD", ...}
    xen_version            text,
    initial_release        date,
    supported_until        date,
    security_support_until date,
    release_notes          text,
    release_raw            jsonb       not null default '{}',
    parsed_at              timestamptz not null
);

-- One heading of a support_file, in document (depth-first) order.
create table section (
    support_file_id bigint  not null references support_file on delete cascade,
    ordinal         integer not null,
    key             text    not null,   -- pandoc's identifier (SPEC 2.1)
    title           text    not null,
    level           integer not null,   -- 1 for '#'
    parent_ordinal  integer,            -- the enclosing section; null at the top
    path            text[]  not null,   -- titles from the top, this one last
    description     text[]  not null,   -- paragraphs before the status block
    caveats         text[]  not null,   -- paragraphs after it
    line            integer not null,
    primary key (support_file_id, ordinal),
    foreign key (support_file_id, parent_ordinal) references section (support_file_id, ordinal)
);
create index section_key on section (key);

-- One status line of a support_file, in document order, release-support lines included.
create table feature_status (
    support_file_id bigint  not null references support_file on delete cascade,
    ordinal         integer not null,
    section_ordinal integer,            -- the section the line stands in
    key             text    not null,   -- SPEC 2.1: section key, plus '--qualifier'
    section_key     text    not null,
    qualifier       text,
    text            text    not null,   -- verbatim, trailing white space removed
    level           text    not null,   -- SPEC 2.2: supported, tech-preview, ...
    security        text    not null,   -- yes, conditional, no, external, unknown
    status_limit    text,               -- 'Supported up to <limit>'
    arches          text[]  not null,   -- x86, arm32, arm64 (SPEC 2.3)
    line            integer not null,
    primary key (support_file_id, ordinal),
    foreign key (support_file_id, section_ordinal) references section (support_file_id, ordinal)
);
create index feature_status_key on feature_status (key);
create index feature_status_level on feature_status (level);
create index feature_status_arches on feature_status using gin (arches);

-- A release cycle: branch stable-X.Y is release 'X.Y'; master is 'unstable'.
create table release (
    id                  bigint generated always as identity primary key,
    version             text    not null unique,
    branch              text    not null unique,
    major               integer,            -- null for unstable, which sorts first
    minor               integer,
    -- The revision served now. Set in the transaction that creates the release and moved in
    -- the one that stores a newer revision, so readers see the old file or the new, never a mix.
    current_revision_id bigint
);

-- A release's SUPPORT.md as it stood at one commit of its branch (git source), or as the
-- http source served it at one import. Ids grow in import order, which within a release is
-- history order, oldest first.
create table revision (
    id              bigint generated always as identity primary key,
    release_id      bigint      not null references release,
    support_file_id bigint      not null references support_file,
    commit_id       text,                   -- the commit that changed the file; null for http
    branch_tip      text,                   -- http: the branch's advertised commit at import
    author_name     text,
    authored_at     timestamptz,
    committed_at    timestamptz,
    subject         text,
    imported_at     timestamptz not null,
    unique (release_id, commit_id)
);
create index revision_release on revision (release_id, id);
create index revision_commit on revision (commit_id text_pattern_ops);  -- lookups by commit prefix
create index revision_support_file on revision (support_file_id);

alter table release add constraint release_current_revision
    foreign key (current_revision_id) references revision;

-- xen.git's RELEASE-X.Y.Z tags: the point releases of each cycle.
create table release_tag (
    name            text primary key,       -- RELEASE-4.17.3
    version         text    not null,       -- 4.17.3
    release_version text    not null,       -- 4.17
    major           integer not null,
    minor           integer not null,
    patch           integer not null,
    commit_id       text    not null,
    tagged_at       timestamptz             -- tagger date, else the commit's; null from http
);
create index release_tag_release on release_tag (release_version, patch desc);

-- What the source last said about a branch that imported cleanly: lets an unchanged branch be
-- recognised without reading its history again, and holds the http source's validators.
create table source_branch (
    branch        text primary key,
    tip           text,
    with_history  boolean     not null,
    etag          text,
    last_modified text,
    checked_at    timestamptz not null
);

create table import_run (
    id          bigint generated always as identity primary key,
    trigger     text        not null check (trigger in ('startup', 'schedule', 'admin')),
    outcome     text        not null
        check (outcome in ('running', 'succeeded', 'partial', 'failed', 'skipped', 'abandoned')),
    source      text        not null,       -- e.g. 'git https://xenbits.xen.org/git-http/xen.git'
    detail      text,                       -- why a whole run failed or was skipped
    started_at  timestamptz not null,
    finished_at timestamptz
);
create index import_run_started on import_run (started_at desc);

create table import_branch_result (
    run_id             bigint  not null references import_run on delete cascade,
    ordinal            integer not null,
    branch             text    not null,
    release_version    text,
    outcome            text    not null check (outcome in ('imported', 'unchanged', 'skipped', 'failed')),
    revisions_imported integer not null,
    detail             text,                -- why it failed or was skipped
    primary key (run_id, ordinal)
);
