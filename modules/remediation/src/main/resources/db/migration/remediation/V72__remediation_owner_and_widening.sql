-- a remediation belongs to the owner of the model or service its case names (rows from before go to the default
-- owner at start); a change whose terms widen a filter waits for a moderator (AWAITING_APPROVAL); the aggregate is
-- versioned against lost updates
alter table remediation add column owner_id varchar(100);
alter table remediation add column version bigint not null default 0;
alter table remediation drop constraint remediation_status_check;
alter table remediation add constraint remediation_status_check
    check (status in ('AWAITING_OWNER', 'AWAITING_APPROVAL', 'VERIFYING', 'VERIFIED', 'WITHDRAWN'));
create index remediation_owner on remediation (owner_id, status, due_at);

alter table remediation_change add column widening varchar(20) not null default 'NONE'
    constraint remediation_change_widening_check check (widening in ('NONE', 'PENDING', 'APPROVED', 'REFUSED'));
alter table remediation_change add column widening_decided_by varchar(200);
alter table remediation_change add column widening_decided_at timestamptz;
alter table remediation_change add column widening_reason varchar(2000);
