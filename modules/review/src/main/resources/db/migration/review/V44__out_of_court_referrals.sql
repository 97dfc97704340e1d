-- DSA Art. 21: a decision referred to a certified out-of-court dispute settlement body, the body's outcome and how
-- we implemented it. Each step is also a ledger fact; this table holds where each referral stands.
create table out_of_court_referral (
    id             uuid primary key,
    case_id        varchar(64)  not null,
    decision_id    varchar(64)  not null,
    body_id        varchar(100) not null,
    party          varchar(20)  not null check (party in ('NOTIFIER', 'UPLOADER')),
    body_reference varchar(200),
    referred_at    timestamptz  not null,
    recorded_by    varchar(200) not null,
    outcome        varchar(20) check (outcome in ('UPHELD', 'OVERTURNED', 'SETTLED', 'DISCONTINUED')),
    summary        varchar(2000),
    decided_at     timestamptz,
    implementation varchar(20) check (implementation in ('LIFTED', 'APPLIED')),
    implemented_at timestamptz
);
create index out_of_court_referral_case on out_of_court_referral (case_id);
