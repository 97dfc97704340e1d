-- Partitioned chains, legal basis and policy version, signed Merkle checkpoints, and a role that can only append.

-- Records written before this migration stay in chain 0 with format 1 (their hash does not cover the new
-- columns); ALTER TABLE fires no row triggers, and no existing row is rewritten.
alter table audit_ledger
    add column chain          int      not null default 0 check (chain >= 0),
    add column legal_basis    varchar,
    add column policy_version varchar,
    add column format         smallint not null default 1 check (format in (1, 2));
alter table audit_ledger alter column chain drop default, alter column format drop default;
alter table audit_ledger drop constraint audit_ledger_pkey, add primary key (chain, seq);
drop index audit_ledger_case;
create index audit_ledger_case on audit_ledger (case_id, recorded_at, chain, seq);

-- One head per chain; the old single head becomes chain 0's. Heads of further chains are created on first use.
alter table audit_chain_head drop constraint audit_chain_head_id_check;
alter table audit_chain_head rename column id to chain;
update audit_chain_head set chain = 0;
alter table audit_chain_head add check (chain >= 0);

-- A signed tree head over the first tree_size records of a chain. What is signed (Checkpoint.statement()) is
-- rebuilt from these columns, so it cannot disagree with them.
create table audit_checkpoint (
    chain      int          not null,
    tree_size  bigint       not null check (tree_size > 0),
    root_hash  char(64)     not null,
    created_at timestamptz  not null,
    key_id     varchar      not null,
    signature  varchar      not null,
    primary key (chain, tree_size)
);

-- RFC 3161 tokens arrive later than their checkpoint when the TSA is down: a separate insert-only row, so neither
-- table ever needs UPDATE. A checkpoint without a row here is pending.
create table audit_checkpoint_timestamp (
    chain      int          not null,
    tree_size  bigint       not null,
    token      bytea        not null,
    stamped_at timestamptz  not null default now(),
    primary key (chain, tree_size),
    foreign key (chain, tree_size) references audit_checkpoint (chain, tree_size)
);

create trigger audit_checkpoint_no_update_delete
    before update or delete on audit_checkpoint
    for each row execute function audit_ledger_refuse_change();
create trigger audit_checkpoint_no_truncate
    before truncate on audit_checkpoint
    for each statement execute function audit_ledger_refuse_change();
create trigger audit_checkpoint_timestamp_no_update_delete
    before update or delete on audit_checkpoint_timestamp
    for each row execute function audit_ledger_refuse_change();
create trigger audit_checkpoint_timestamp_no_truncate
    before truncate on audit_checkpoint_timestamp
    for each statement execute function audit_ledger_refuse_change();

-- The appender and the checkpointer switch to this role (SET LOCAL ROLE), so privileges, not only triggers,
-- refuse UPDATE and DELETE on the ledger. Roles are cluster-wide, hence the existence check.
do $$
begin
    if not exists (select from pg_roles where rolname = 'takedown_ledger') then
        create role takedown_ledger nologin;
    end if;
    -- SET ROLE needs membership; a superuser has it implicitly, a normal migration role is granted it here
    if not pg_has_role(current_user, 'takedown_ledger', 'MEMBER') then
        execute format('grant takedown_ledger to %I', current_user);
    end if;
    execute format('grant usage on schema %I to takedown_ledger', current_schema());
end
$$;
revoke all on audit_ledger, audit_chain_head, audit_checkpoint, audit_checkpoint_timestamp from takedown_ledger;
grant select, insert on audit_ledger to takedown_ledger;
grant select, insert, update on audit_chain_head to takedown_ledger;
grant select, insert on audit_checkpoint, audit_checkpoint_timestamp to takedown_ledger;
