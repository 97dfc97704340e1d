-- Bulk target uploads from the pages, staged here rather than in one node's memory and temporary files: any node
-- answers for an upload's progress and report, and an upload whose node died is run again by another (BulkUploads).
create table bulk_upload (
    id               uuid         primary key,
    case_id          varchar(100) not null,
    organisation_id  varchar(100) not null,
    uploaded_by      varchar(200) not null,
    file_name        varchar(200) not null,
    format           varchar(3)   not null check (format in ('CSV', 'TSV')),
    size             bigint       not null,
    -- the uploaded file while it waits or runs; cleared when the upload is finished
    content          bytea,
    state            varchar(10)  not null check (state in ('QUEUED', 'READING', 'STORING', 'DONE', 'FAILED')),
    bytes_read       bigint       not null default 0,
    attempts         int          not null default 0,
    -- the node running it, and when it last said so (database time)
    node             varchar(200),
    heartbeat_at     timestamptz,
    created_at       timestamptz  not null default now(),
    finished_at      timestamptz,
    -- BulkTargets.Result: counts and the first malformed rows
    result           jsonb,
    -- message key of why nothing was stored
    failure          varchar(60),
    -- the full report of malformed rows, as the CSV the page offers for download
    errors_csv       bytea
);
-- stored uncompressed out of line, so that reading a slice (substring) fetches only that slice: uploads and reports
-- are read a megabyte at a time, never whole into a node's memory
alter table bulk_upload alter column content set storage external;
alter table bulk_upload alter column errors_csv set storage external;
create index bulk_upload_unfinished on bulk_upload (heartbeat_at) where finished_at is null;
create index bulk_upload_finished on bulk_upload (finished_at) where finished_at is not null;
