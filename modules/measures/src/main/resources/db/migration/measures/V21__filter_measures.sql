-- filter measures carry their screening rule and have no single target
alter table measure alter column target_url drop not null;
alter table measure add column rule jsonb;
alter table measure add column lifted_at timestamptz;
alter table measure add column lifted_by varchar(200);
alter table measure add column lift_reason varchar(2000);
