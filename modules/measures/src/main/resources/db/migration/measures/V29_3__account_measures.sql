-- an account measure the repeat-infringer ladder imposed (DSA Art. 23) names the standing change it carries out; such
-- a measure follows the account's standing, not the case's decisions; null for a moderator's measure
alter table measure add column standing_change_id varchar(64);
create index measure_standing_account on measure (account_id) where standing_change_id is not null;
