-- under the 2013 Regulations (Art. 17) a rights holder may not notify again content restored after a counter-notice:
-- such a notice is recorded, not processed, and names the restored case that bars it
alter table notice add column barred_by_case_id uuid;
