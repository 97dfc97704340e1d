-- the account's standing change that ended an account measure of the repeat-infringer policy (a reinstatement, an
-- early lift, a reversal on complaint): the account is told of it once the platform confirmed the lift
alter table measure add column ended_by_change_id varchar(64);
