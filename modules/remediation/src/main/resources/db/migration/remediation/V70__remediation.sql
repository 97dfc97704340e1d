-- model remediation (issue 11 part 2): one per case whose accepted notice targets generated output, a prompt pattern,
-- a model or a LoRA; what the model owner changed, and each verification by the filter measures' replay suites
create table remediation (
    id            uuid         primary key,
    case_id       varchar(64)  not null unique,
    status        varchar(20)  not null check (status in ('AWAITING_OWNER', 'VERIFYING', 'VERIFIED')),
    opened_at     timestamptz  not null,
    due_at        timestamptz  not null,
    escalated_at  timestamptz,
    verified_at   timestamptz,
    last_failure  varchar(4000)
);
create index remediation_status on remediation (status, due_at);

create table remediation_change (
    id              uuid          primary key,
    remediation_id  uuid          not null references remediation (id),
    filter_version  varchar(200),
    model_version   varchar(200),
    description     varchar(4000) not null,
    added_terms     jsonb         not null,
    recorded_by     varchar(200)  not null,
    recorded_at     timestamptz   not null
);
create index remediation_change_of on remediation_change (remediation_id, recorded_at);

create table remediation_verification (
    id              uuid         primary key,
    remediation_id  uuid         not null references remediation (id),
    change_id       uuid         not null references remediation_change (id),
    outcome         varchar(20)  not null check (outcome in ('PASSED', 'FAILED', 'NO_REPLAY_SUITE')),
    measure_ids     jsonb        not null,
    passed          integer      not null,
    failed_prompts  jsonb        not null,
    replayed_at     timestamptz,
    checked_at      timestamptz  not null
);
create index remediation_verification_of on remediation_verification (remediation_id, checked_at);
