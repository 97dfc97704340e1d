create table measure (
    id           uuid primary key,
    case_id      varchar(64)   not null,
    decision_id  varchar(64)   not null,
    type         varchar(40)   not null,
    target_url   varchar(4000) not null,
    status       varchar(20)   not null,
    planned_by   varchar(200)  not null,
    planned_at   timestamptz   not null,
    applied_at   timestamptz,
    version      bigint        not null default 0
);
create index measure_case on measure (case_id);
