-- whether the uploader declared the material AI-generated when publishing it (Labelling Measures Art. 6(2), 6(4));
-- null when the notice does not say
alter table notice_target add column uploader_declaration varchar(20);
