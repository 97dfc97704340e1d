create table notice (
    id               uuid primary key,
    organisation_id  varchar(100) not null,
    submitted_by     varchar(200) not null,
    channel          varchar(20)  not null,
    profiles         varchar(200) not null,
    status           varchar(40)  not null,
    notifier_name    varchar(500),
    notifier_email   varchar(500),
    work_title       varchar(1000),
    body             jsonb        not null,
    received_at      timestamptz  not null,
    idempotency_key  varchar(200),
    request_hash     varchar(64)  not null,
    version          bigint       not null default 0,
    -- one notice per organisation and key, however many retries race each other
    constraint notice_idempotency unique (organisation_id, idempotency_key)
);
create index notice_org_received on notice (organisation_id, received_at desc);

create table notice_target (
    id         bigserial primary key,
    notice_id  uuid          not null references notice (id),
    position   int           not null,
    type       varchar(40)   not null,
    url        varchar(4000) not null
);
create index notice_target_notice on notice_target (notice_id);
create index notice_target_url on notice_target (url);

create table notice_history (
    id         bigserial primary key,
    notice_id  uuid         not null references notice (id),
    status     varchar(40)  not null,
    actor      varchar(200) not null,
    note       varchar(2000),
    at         timestamptz  not null
);
create index notice_history_notice on notice_history (notice_id);
