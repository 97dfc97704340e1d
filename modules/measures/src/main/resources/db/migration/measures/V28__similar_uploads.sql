-- a re-upload block also refuses (or holds for review, per the case's profile) uploads resembling the blocked model
alter table measure add column model_name varchar(500);
alter table measure add column similar_uploads varchar(16);
