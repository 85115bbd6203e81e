-- What an import run did with each branch's security fixes, beside fixes_imported and
-- fix_warnings: how many commit messages it read for the branch (none when the branch and its
-- release's tags were as before), and why its fixes could not be read (what was stored stays).
alter table import_branch_result add column fix_commits_read integer;
alter table import_branch_result add column fixes_failure text;
