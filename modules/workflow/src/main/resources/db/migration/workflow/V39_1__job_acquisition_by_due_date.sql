-- The job executor acquires the earliest due jobs first (jobExecutorAcquireByDueDate, ensureJobDueDateNotNull in
-- config/application.yml): its query becomes "due date <= now", ordered by due date, which this index answers
-- without reading every open case's timers. A job without a due date would never match it, so those that exist get
-- one: they were due when they were created.
update act_ru_job set duedate_ = coalesce(create_time_, now()) where duedate_ is null;
create index td_idx_job_duedate on act_ru_job (duedate_);
