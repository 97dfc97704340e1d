-- The decisions on a case, stored once with the case (CaseLifecycle writes them): the first review, the second
-- reviewer's on a high-impact measure, and the internal complaint's. What a case came to (action taken or not) is
-- derived from them. Review's V42 moves the rows of its former review_decision table here.
create table case_decision (
    id          uuid          primary key,
    case_id     uuid          not null references notice (id),
    task_id     varchar(64)   not null,
    kind        varchar(20)   not null check (kind in ('REVIEW', 'CONFIRMATION', 'APPEAL')),
    verdict     varchar(10)   not null check (verdict in ('ACCEPT', 'REJECT', 'CONFIRM', 'OVERTURN', 'UPHOLD', 'REVERSE')),
    measures    varchar(1000),
    reason      varchar(4000),
    decided_by  varchar(200)  not null,
    decided_at  timestamptz   not null,
    -- one decision per review task: a decision sent twice is the same decision
    constraint case_decision_task unique (task_id, kind),
    constraint case_decision_verdict_of_kind check (
        kind = 'REVIEW' and verdict in ('ACCEPT', 'REJECT')
        or kind = 'CONFIRMATION' and verdict in ('CONFIRM', 'OVERTURN')
        or kind = 'APPEAL' and verdict in ('UPHOLD', 'REVERSE'))
);
create index case_decision_case on case_decision (case_id, decided_at);
