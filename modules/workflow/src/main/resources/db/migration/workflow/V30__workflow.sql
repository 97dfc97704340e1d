-- one lifecycle per case, however often NoticeReceived is delivered
create table workflow_case (
    case_id              varchar(64) primary key,
    process_instance_id  varchar(64),
    started_at           timestamptz not null default now()
);
