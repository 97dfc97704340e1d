-- a remediation ends unverified when every measure of its case is lifted (restored, reversed, retracted)
alter table remediation drop constraint remediation_status_check;
alter table remediation add constraint remediation_status_check
    check (status in ('AWAITING_OWNER', 'VERIFYING', 'VERIFIED', 'WITHDRAWN'));
alter table remediation add column withdrawn_at timestamptz;
