-- The notice kept a copy of the latest decision (and notices that joined a case a copy of that case's). Decisions
-- live in case_decision now and the outcome is derived from them, a joined notice's from the case it joined. Nothing
-- is lost: every decision is a review_decision row, which review's V42 copies into case_decision; V42 reads only
-- review_decision, so it does not matter that this runs first (it does, on a new database and on an existing one).
alter table notice drop column outcome;
alter table notice drop column decided_by;
alter table notice drop column decision_measures;
alter table notice drop column decision_reason;
