-- Published response times (complaint page, GET /api/response-times): a new row for each change, none edited.
create table response_times_version (
    version      integer      primary key check (version > 0),
    hash         char(64)     not null,
    applies_from timestamptz  not null,
    times        jsonb        not null
);
