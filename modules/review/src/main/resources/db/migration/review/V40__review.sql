create table review_decision (
    id          varchar(64) primary key,
    case_id     varchar(64)  not null,
    task_id     varchar(64)  not null unique,
    outcome     varchar(10)  not null,
    measures    varchar(1000),
    reason      varchar(4000),
    decided_by  varchar(200) not null,
    decided_at  timestamptz  not null
);
create index review_decision_case on review_decision (case_id);
