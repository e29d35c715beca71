DROP TABLE program_mentors;
DROP TABLE program_mentees;
DROP TABLE request_tags;
DROP TRIGGER audit_log_no_delete;
DROP TRIGGER audit_log_no_update;
DROP TABLE audit_log;
DROP TABLE consents;
DROP TABLE participants;
