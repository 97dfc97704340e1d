-- Append-only, hash-chained record of every event on the contract topics.
-- Text columns are unbounded on purpose: an over-long header must not make an event unrecordable.
create table audit_ledger (
    seq         bigint       primary key check (seq > 0),
    event_id    varchar      not null unique,
    topic       varchar      not null,
    event_type  varchar      not null,
    case_id     varchar,
    actor       varchar      not null,
    actor_type  varchar(9)   not null check (actor_type in ('HUMAN', 'AUTOMATED')),
    occurred_at timestamptz  not null,
    recorded_at timestamptz  not null default now(),
    payload     text         not null,
    prev_hash   char(64)     not null,
    hash        char(64)     not null
);
create index audit_ledger_case on audit_ledger (case_id, seq);

-- The appender locks this row, so appends are serialised across nodes and seq stays gapless.
create table audit_chain_head (
    id   int      primary key check (id = 1),
    seq  bigint   not null,
    hash char(64) not null
);
insert into audit_chain_head (id, seq, hash) values (1, 0, repeat('0', 64));

create function audit_ledger_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit_ledger is append-only: % refused', tg_op
        using errcode = 'restrict_violation';
end
$$;

create trigger audit_ledger_no_update_delete
    before update or delete on audit_ledger
    for each row execute function audit_ledger_refuse_change();

create trigger audit_ledger_no_truncate
    before truncate on audit_ledger
    for each statement execute function audit_ledger_refuse_change();
