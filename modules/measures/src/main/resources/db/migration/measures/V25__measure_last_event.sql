-- the id of the last record published about a measure: a lift overtaken on the compacted topic by an older record
-- (a resubmitted outbox row) is sent again unchanged, so that it stays the value compaction keeps
alter table measure add column last_event_id uuid;
