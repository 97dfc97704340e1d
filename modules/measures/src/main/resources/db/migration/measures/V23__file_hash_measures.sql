-- BLOCK_REUPLOAD acts on the SHA-256 of a model or LoRA file rather than a URL (issue 11, Hangzhou LoRA case)
alter table measure add column file_sha256 char(64);
