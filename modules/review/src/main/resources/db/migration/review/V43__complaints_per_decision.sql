-- DSA Art. 20: each party may complain once against each decision that affects it (the first decision, an appeal
-- decision, an Art. 23 suspension), so a case holds several complaints. Complaints filed before named no decision:
-- they were against the decision the case was notified of, its last review or confirmation.
alter table appeal drop constraint appeal_case_id_key;
alter table appeal add column subject varchar(20);
alter table appeal add column decision_id varchar(64);
update appeal a
set subject     = case a.complainant_role when 'UPLOADER' then 'MEASURE' else 'NO_ACTION' end,
    decision_id = coalesce(
            (select d.id::text from case_decision d
             where d.case_id::text = a.case_id and d.kind in ('REVIEW', 'CONFIRMATION')
             order by d.decided_at desc limit 1),
            a.case_id);
alter table appeal alter column subject set not null;
alter table appeal alter column decision_id set not null;
alter table appeal add constraint appeal_subject
    check (subject in ('NO_ACTION', 'MEASURE', 'APPEAL_DECISION', 'SUSPENSION'));
alter table appeal add constraint appeal_once_per_party_and_decision unique (case_id, complainant_role, decision_id);
