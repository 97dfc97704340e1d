-- DSA Art. 23: where notifiers and uploader accounts stand. Notifier standing moves here from notices
-- (notifier_standing, unfounded_notice, created by notices' V12), copied below and then dropped.

-- what counts for and against a party: its activity (notices filed, or notices naming its content), the proportion's
-- denominator, and findings of misuse with their gravity and intent; a finding later reversed is withdrawn
create table misuse_fact (
    party_kind    varchar(20)  not null,
    party_id      varchar(200) not null,
    case_id       varchar(64)  not null,
    kind          varchar(20)  not null,
    gravity       int          not null default 0,
    intentional   boolean      not null default false,
    recorded_at   timestamptz  not null,
    withdrawn_at  timestamptz,
    primary key (party_kind, party_id, case_id, kind)
);
create index misuse_fact_party on misuse_fact (party_kind, party_id, recorded_at);

create table party_standing (
    party_kind   varchar(20)  not null,
    party_id     varchar(200) not null,
    status       varchar(20)  not null,
    since        timestamptz  not null,
    until        timestamptz,
    case_id      varchar(64),
    change_id    uuid         not null,
    suspensions  int          not null default 0,
    primary key (party_kind, party_id)
);
create index party_standing_due on party_standing (until) where status = 'SUSPENDED';

-- every warning, suspension, reinstatement, early lift and termination, with the weighing behind it
create table standing_change (
    id              uuid primary key,
    party_kind      varchar(20)  not null,
    party_id        varchar(200) not null,
    change          varchar(20)  not null,
    at              timestamptz  not null,
    until           timestamptz,
    case_id         varchar(64),
    actor           varchar(200) not null,
    misuse_count    int,
    total_count     int,
    window_misuse   int,
    weighted_score  int,
    threshold       int,
    intentional     int,
    window_length   varchar(40),
    reason          varchar(2000)
);
create index standing_change_party on standing_change (party_kind, party_id, at);
create index standing_change_case on standing_change (case_id);

-- a database of the misuse module alone (its module tests) has no notices tables to move
do $$
begin
    if to_regclass('unfounded_notice') is not null then
        insert into misuse_fact (party_kind, party_id, case_id, kind, gravity, intentional, recorded_at)
        select 'NOTIFIER', organisation_id, case_id::text, 'MISUSE', 1, false, recorded_at from unfounded_notice;

        insert into party_standing (party_kind, party_id, status, since, until, change_id, suspensions)
        select 'NOTIFIER', organisation_id, status, updated_at, until, gen_random_uuid(),
               case when status = 'SUSPENDED' then 1 else 0 end
        from notifier_standing;

        insert into standing_change (id, party_kind, party_id, change, at, until, actor)
        select change_id, party_kind, party_id, status, since, until, 'system' from party_standing;

        drop table unfounded_notice;
        drop table notifier_standing;
    end if;
end
$$;
