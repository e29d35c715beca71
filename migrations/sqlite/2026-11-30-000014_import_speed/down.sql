DROP TABLE audit_log_records;
