-- Format 4: the record hash covers a commitment SHA-256(salt || payload) instead of the payload, so payload and salt
-- can be purged under retention while the hash, the chain and every checkpoint over it still verify. Older rows keep
-- their format and their payload; ADD COLUMN rewrites no row and fires no row trigger.
alter table audit_ledger alter column payload drop not null,
    add column payload_salt       bytea,
    add column payload_commitment char(64),
    add column purged_at          timestamptz,
    add column purge_class        text,
    drop constraint audit_ledger_format_check,
    add constraint audit_ledger_format_check check (format in (1, 2, 3, 4)),
    -- before format 4 there is no commitment, so the payload is the proof and can never go; a format-4 row holds
    -- payload and salt until purged, then neither
    add constraint audit_ledger_payload_check check (case
        when format < 4 then payload is not null and payload_salt is null and payload_commitment is null
            and purged_at is null and purge_class is null
        else payload_commitment is not null and (payload is not null and payload_salt is not null
            and purged_at is null and purge_class is null
            or payload is null and payload_salt is null and purged_at is not null and purge_class is not null)
        end);

-- Updates: only the purge transition of a format-4 row of a case without legal hold; every other column, including
-- recorded_at and the hashes, unchanged. Delete and truncate stay refused by the V50 triggers' function.
create function audit_ledger_purge_only() returns trigger language plpgsql as $$
begin
    if old.format = 4 and old.purged_at is null and new.purged_at is not null and new.purge_class is not null
            and new.payload is null and new.payload_salt is null
            and to_jsonb(new) - array['payload', 'payload_salt', 'purged_at', 'purge_class']
                = to_jsonb(old) - array['payload', 'payload_salt', 'purged_at', 'purge_class']
            and not exists (select 1 from audit_legal_hold h where h.case_id = old.case_id) then
        return new;
    end if;
    raise exception 'audit_ledger is append-only: UPDATE refused (only purging a format-4 payload is allowed)'
        using errcode = 'restrict_violation';
end
$$;
drop trigger audit_ledger_no_update_delete on audit_ledger;
create trigger audit_ledger_no_delete
    before delete on audit_ledger
    for each row execute function audit_ledger_refuse_change();
create trigger audit_ledger_purge_only
    before update on audit_ledger
    for each row execute function audit_ledger_purge_only();

-- The ledger role still has no UPDATE privilege: it purges only through this function, which runs with the
-- migration owner's rights and purges nothing else. search_path is pinned (schema, then pg_temp last) so a
-- caller's temporary table cannot stand in for audit_ledger or audit_legal_hold.
do $do$
begin
    execute format($f$
        create function audit_ledger_purge(chains int[], seqs bigint[], record_class text, at timestamptz)
        returns bigint language sql security definer set search_path = %I, pg_temp as $body$
            with purged as (
                update audit_ledger l set payload = null, payload_salt = null, purged_at = at,
                    purge_class = record_class
                from unnest(chains, seqs) as r(chain, seq)
                where l.chain = r.chain and l.seq = r.seq and l.format = 4 and l.purged_at is null
                  and not exists (select 1 from audit_legal_hold h where h.case_id = l.case_id)
                returning 1)
            select count(*) from purged
        $body$ $f$, current_schema());
end
$do$;
revoke all on function audit_ledger_purge(int[], bigint[], text, timestamptz) from public;
grant execute on function audit_ledger_purge(int[], bigint[], text, timestamptz) to takedown_ledger;
