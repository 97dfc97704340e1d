-- the explicit label a LABEL measure asks the platform to show (Labelling Measures Art. 6); null for other measures
alter table measure add column explicit_label varchar(40);
