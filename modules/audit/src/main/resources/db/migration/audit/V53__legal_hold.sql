-- Cases under legal hold (R34): retention never counts them as due. Placing and releasing a hold are also ledger
-- records (topic audit.internal), so this table is only the current state; its history is in the ledger.
create table audit_legal_hold (
    case_id    varchar      primary key,
    placed_by  varchar      not null,
    placed_at  timestamptz  not null,
    reason     varchar(2000) not null
);
