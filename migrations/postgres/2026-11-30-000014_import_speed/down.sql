DROP TRIGGER organizations_renumbered_keep_participants ON organizations;
DROP TRIGGER organizations_deleted_keep_participants ON organizations;
DROP FUNCTION organizations_keep_participants();
DROP TRIGGER participants_school_moved ON participants;
DROP FUNCTION participant_school_exists();
DROP TRIGGER participants_school_inserted ON participants;
DROP FUNCTION participants_school_exists();
ALTER TABLE participants ADD CONSTRAINT participants_school_id_fkey FOREIGN KEY (school_id) REFERENCES organizations (id);
DROP TABLE audit_log_records;
