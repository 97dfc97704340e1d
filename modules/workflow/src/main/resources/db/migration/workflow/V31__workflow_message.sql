-- the events CaseMessages correlated, by event id: a redelivered event correlates nothing (kept a while, then purged)
create table workflow_message (
    event_id       uuid primary key,
    message        varchar(64) not null,
    correlated_at  timestamp with time zone not null
);
create index workflow_message_correlated_at on workflow_message (correlated_at);
