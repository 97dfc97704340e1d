-- Reports, case search, the disclosure feed and the TDB builder all select ledger records by type and time.
-- An index changes no row, so the append-only guarantees are untouched.
create index audit_ledger_type_time on audit_ledger (event_type, occurred_at);

-- DSA Art. 24(5) statements of reasons and where their submission to the Transparency Database stands. This is
-- working state, not evidence: the decision it is built from is in the ledger, and a statement can be rebuilt.
-- state: PENDING (to send), SUBMITTED (201), RECONCILED (the TDB already had this puid), INVALID (failed local
-- validation, never sent), REJECTED (the TDB refused it with 422 for a reason other than a duplicate puid).
create table audit_tdb_statement (
    puid          varchar(500) primary key,
    case_id       varchar      not null,
    state         varchar(10)  not null check (state in ('PENDING', 'SUBMITTED', 'RECONCILED', 'INVALID', 'REJECTED')),
    statement     text         not null,
    problem       text,
    attempts      int          not null default 0,
    tdb_uuid      varchar,
    permalink     varchar,
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now()
);
create index audit_tdb_statement_pending on audit_tdb_statement (created_at) where state = 'PENDING';
