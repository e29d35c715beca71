DROP INDEX meetings_pair_status;
DROP INDEX pair_mentees_mentee;
DROP INDEX program_mentees_program;
DROP INDEX program_mentors_program;
DROP TABLE report_snapshots;
DROP TABLE report_periods;
