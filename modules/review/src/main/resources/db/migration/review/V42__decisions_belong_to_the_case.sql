-- Decisions are stored once, with the case (notices' case_decision, V17); review keeps none. Flyway runs versions in
-- order, so case_decision exists by now on a new database and on one migrated before (out-of-order is on). Decision
-- and case ids were always UUIDs; a decision on a case that no longer exists has nothing to attach to.
insert into case_decision (id, case_id, task_id, kind, verdict, measures, reason, decided_by, decided_at)
select r.id::uuid, n.id, r.task_id, r.kind, r.outcome, nullif(r.measures, ''), r.reason, r.decided_by, r.decided_at
from review_decision r
join notice n on n.id::text = r.case_id
on conflict do nothing;

drop table review_decision;
