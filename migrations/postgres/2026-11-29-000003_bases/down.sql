DROP TABLE program_mentors;
DROP TABLE program_mentees;
DROP TABLE request_tags;
DROP TABLE audit_log;
DROP FUNCTION audit_log_append_only;
DROP TABLE consents;
DROP TABLE participants;
