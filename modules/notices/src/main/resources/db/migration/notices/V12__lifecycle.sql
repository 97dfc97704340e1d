alter table notice add column joined_case_id uuid references notice (id);
alter table notice add column notified_at timestamptz;
alter table notice add column outcome varchar(20);
alter table notice add column decided_by varchar(200);
alter table notice add column decision_measures varchar(1000);
alter table notice add column decision_reason varchar(4000);
alter table notice_target add column account_id varchar(200);

-- DSA Art. 23(2): notifiers who frequently submit manifestly unfounded notices are warned, then suspended
create table notifier_standing (
    organisation_id   varchar(100) primary key,
    status            varchar(20)  not null,
    until             timestamptz,
    updated_at        timestamptz  not null
);
create table unfounded_notice (
    case_id          uuid primary key references notice (id),
    organisation_id  varchar(100) not null,
    recorded_at      timestamptz  not null
);
create index unfounded_notice_org on unfounded_notice (organisation_id, recorded_at);

create table counter_notice (
    id            uuid primary key,
    case_id       uuid         not null unique references notice (id),
    body          jsonb        not null,
    filed_by      varchar(200) not null,
    received_at   timestamptz  not null,
    delivered_at  timestamptz
);

create table legal_action_proof (
    id          uuid primary key,
    case_id     uuid          not null unique references notice (id),
    kind        varchar(40)   not null,
    reference   varchar(1000) not null,
    filed_by    varchar(200)  not null,
    filed_at    timestamptz   not null
);

-- what each party was told, and when; bearer links to uploader pages live here, never in events
create table notification (
    id           uuid primary key,
    case_id      uuid          not null references notice (id),
    recipient    varchar(500)  not null,
    kind         varchar(40)   not null,
    subject      varchar(1000) not null,
    body         text          not null,
    link         varchar(2000),
    created_at   timestamptz   not null
);
create index notification_case on notification (case_id, created_at);
