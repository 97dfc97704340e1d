-- what the platform answered to a measure's last command (its application or its lift), by the platform's clock:
-- a measure counts as removed when the platform confirmed it, not when Takedown published it. A table of its own, so
-- that recording an answer leaves the measure's version (which its records carry) unchanged.
create table measure_enforcement (
    measure_id        uuid primary key references measure (id),
    command_version   bigint      not null,
    state             varchar(20) not null,
    requested_at      timestamptz not null,
    attempts          int         not null,
    enforced_at       timestamptz,
    lift_enforced_at  timestamptz,
    failure           varchar(20),
    failure_detail    varchar(500),
    answered_at       timestamptz,
    platform          varchar(200),
    version           bigint      not null default 0
);
