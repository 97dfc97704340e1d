-- filter measures are confirmed by the screening nodes, not the platform: the nodes alive (their last heartbeat) and
-- which node has which command of a measure in its index
create table screening_node (
    node_id   varchar(200) primary key,
    last_seen timestamptz  not null
);

create table screening_ack (
    measure_id uuid         not null references measure (id),
    version    bigint       not null,
    node_id    varchar(200) not null,
    lift       boolean      not null,
    acked_at   timestamptz  not null,
    primary key (measure_id, version, node_id)
);
