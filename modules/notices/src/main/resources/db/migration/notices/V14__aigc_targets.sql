-- AIGC targets are identified beyond their page (issue 11): generated output by ProduceID (GB 45438-2025),
-- models and LoRA files by SHA-256 and model id, training data by dataset and item
alter table notice_target add column produce_id varchar(200);
alter table notice_target add column sha256 char(64);
alter table notice_target add column model_id varchar(200);
alter table notice_target add column dataset_id varchar(200);
alter table notice_target add column item_id varchar(200);
