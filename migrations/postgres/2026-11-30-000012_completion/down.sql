DROP TABLE program_reports;
ALTER TABLE pairs DROP COLUMN summary;
ALTER TABLE pairs DROP COLUMN outcome;
