-- AIGC targets are identified beyond their page (issue 11): generated output by ProduceID (GB 45438-2025),
-- models and LoRA files by SHA-256 and model id, training data by dataset and item
alter table notice_target add column produce_id varchar(200);
alter table notice_target add column sha256 char(64);
alter table notice_target add column model_id varchar(200);
alter table notice_target add column dataset_id varchar(200);
alter table notice_target add column item_id varchar(200);
alter table notice_target add column generated_at timestamptz;

-- which user agreement and risk warning a platform user saw, and when (Ultraman: missing risk warnings were a fault)
create table risk_warning_ack (
    id                   bigserial primary key,
    account_id           varchar(200) not null,
    agreement_version    varchar(100) not null,
    risk_warning_version varchar(100) not null,
    shown_at             timestamptz  not null,
    reported_by          varchar(200) not null,
    received_at          timestamptz  not null
);
create index risk_warning_ack_account on risk_warning_ack (account_id, shown_at);
