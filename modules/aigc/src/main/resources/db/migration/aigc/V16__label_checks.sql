-- implicit-label checks kept on the case (besides the ledger fact), so the review screen can show them
create table label_check (
    id            uuid          primary key,
    case_id       uuid          not null,
    target_index  integer       not null,
    target_url    varchar(2048),
    status        varchar(20)   not null,
    fields        jsonb         not null,
    source        varchar(200),
    problem       varchar(2000),
    checked_by    varchar(200)  not null,
    checked_at    timestamptz   not null
);
create index label_check_case on label_check (case_id, checked_at);
