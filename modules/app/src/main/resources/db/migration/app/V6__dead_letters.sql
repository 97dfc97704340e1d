-- every record a consumer dead-lettered (DeadLetters), one row per original record however many nodes or groups
-- failed on it: listed to ADMIN and COMPLIANCE_OFFICER, replayed to its topic or discarded with a reason, never deleted
create table dead_letter (
    id               uuid primary key,
    topic            varchar(249)  not null,
    kafka_partition  int           not null,
    kafka_offset     bigint        not null,
    record_key       text,
    payload          bytea,
    headers          jsonb         not null,
    reason           text          not null,
    consumer_group   varchar(255),
    dead_at          timestamptz   not null,
    status           varchar(20)   not null check (status in ('OPEN', 'REPLAYED', 'DISCARDED')),
    resolved_by      varchar(200),
    resolved_at      timestamptz,
    resolution_note  varchar(2000),
    unique (topic, kafka_partition, kafka_offset)
);
create index dead_letter_listing on dead_letter (topic, dead_at desc);
