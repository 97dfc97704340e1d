-- where and how long a measure restricts (DSA Art. 17(3)(a)): ISO 3166-1 alpha-2 codes, comma-separated, null for
-- worldwide; the last day it applies, null until further notice
alter table measure add column countries varchar(1000);
alter table measure add column ends_on date;
-- why it was lifted (events.LiftCause); null while it restricts
alter table measure add column lift_cause varchar(20);
