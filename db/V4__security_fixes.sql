-- Security fixes (docs/advisories.md): the commits of xen.git whose message says they fix a Xen
-- Security Advisory, which releases' branches reach them, and since which point release.
--
--   fix_commit ◀── fix_advisory, fix_cve, fix_introduced_by
--       ▲
--       └── release_fix ──▶ release
--
-- A commit is stored once, whichever branches reach it: master's fixes from before a branch point
-- are fixes of that branch too. A backport is a commit of its own, on its own branch.

create table fix_commit (
    commit_id            text        primary key check (commit_id ~ '^[0-9a-f]{40}$'),
    committed_at         timestamptz not null,
    subject              text        not null,
    -- "(cherry picked from commit X)" or "master commit: X", as written (lower case) ...
    picked_from          text,
    -- ... and the full id of the one commit of the repository it names, else null (kept as written)
    picked_from_resolved text,
    -- Odd spellings the reader took or left out in the message ("line 12: XSA155 ...")
    warnings             text[]      not null default '{}'
);

-- The advisories a fix commit's message names; part_of: the commit is part of the fix, not all of it.
create table fix_advisory (
    commit_id text    not null references fix_commit on delete cascade,
    xsa       integer not null check (xsa > 0),
    part_of   boolean not null,
    primary key (commit_id, xsa)
);
create index fix_advisory_xsa on fix_advisory (xsa);

create table fix_cve (
    commit_id text    not null references fix_commit on delete cascade,
    ordinal   integer not null,
    cve       text    not null check (cve ~ '^CVE-[0-9]{4}-[0-9]{4,19}$'),
    primary key (commit_id, ordinal)
);
create index fix_cve_cve on fix_cve (cve);

-- The commits its "Fixes:" lines name, as written, and the full id where it names one commit.
create table fix_introduced_by (
    commit_id text    not null references fix_commit on delete cascade,
    ordinal   integer not null,
    written   text    not null,
    resolved  text,
    subject   text,
    primary key (commit_id, ordinal)
);

-- Which releases' branches reach a fix commit. point_release: the earliest RELEASE-X.Y.Z tag of
-- that release whose commit contains the fix ('4.17.3'), null while the fix is on the branch only.
create table release_fix (
    release_id    bigint not null references release,
    commit_id     text   not null references fix_commit,
    point_release text,
    primary key (release_id, commit_id)
);
create index release_fix_commit on release_fix (commit_id);

-- What the fixes of a branch were last read at: its tip, and its release's tags (a digest), so an
-- import of an unchanged branch reads nothing.
alter table source_branch add column fixes_tip text;
alter table source_branch add column fixes_tags text;

-- Each branch's fixes as an import run read them: how many commits, and the reader's warnings.
alter table import_branch_result add column fixes_imported integer;
alter table import_branch_result add column fix_warnings text[];
