-- DSA Art. 20 internal complaints: one per case, reviewed by someone other than the original decider
create table appeal (
    id                uuid primary key,
    case_id           varchar(64)   not null unique,
    complainant_role  varchar(20)   not null check (complainant_role in ('UPLOADER', 'NOTIFIER')),
    grounds           varchar(40)   not null,
    explanation       varchar(4000),
    filed_by          varchar(200)  not null,
    filed_at          timestamptz   not null,
    outcome           varchar(10),
    decided_by        varchar(200),
    decided_at        timestamptz,
    reason            varchar(4000)
);
alter table review_decision drop constraint review_decision_task_id_key;
alter table review_decision add column kind varchar(20) not null default 'REVIEW';
alter table review_decision add constraint review_decision_task unique (task_id, kind);
