-- An import writes one audit entry naming every record it changed, rather than one entry a
-- record: the records are kept as runs of consecutive ids, which an import's new records form.
CREATE TABLE audit_log_records (
    entry_id  BIGINT NOT NULL REFERENCES audit_log (id),
    first_id  BIGINT NOT NULL,
    last_id   BIGINT NOT NULL,
    CHECK (first_id <= last_id),
    PRIMARY KEY (entry_id, first_id)
);
CREATE INDEX audit_log_records_span ON audit_log_records (first_id, last_id);
-- Append-only, like the entries themselves.
CREATE TRIGGER audit_log_records_no_update BEFORE UPDATE OR DELETE ON audit_log_records
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

-- PostgreSQL checks a foreign key with a query per inserted row: for an import of a hundred
-- thousand participants that cost as much as writing them. The same rule for the school of a
-- participant, checked once per statement over all its rows.
ALTER TABLE participants DROP CONSTRAINT participants_school_id_fkey;

CREATE FUNCTION participants_school_exists() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    lowest BIGINT;
    highest BIGINT;
    schools BIGINT[];
    missing BIGINT;
BEGIN
    -- Nearly always one school: found in one pass, without sorting the rows.
    SELECT min(school_id), max(school_id) INTO lowest, highest FROM new_rows;
    IF lowest = highest THEN
        schools := ARRAY[lowest];
    ELSE
        SELECT array_agg(DISTINCT school_id) INTO schools FROM new_rows;
    END IF;
    -- As the foreign key does: lock the schools, so that none goes before this transaction ends.
    PERFORM 1 FROM organizations WHERE id = ANY (schools) FOR KEY SHARE;
    SELECT s INTO missing FROM unnest(schools) s WHERE NOT EXISTS (SELECT 1 FROM organizations o WHERE o.id = s) LIMIT 1;
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'insert or update on table "participants" violates foreign key constraint "participants_school_id_fkey"'
            USING ERRCODE = 'foreign_key_violation',
                  DETAIL = format('Key (school_id)=(%s) is not present in table "organizations".', missing);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER participants_school_inserted AFTER INSERT ON participants
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participants_school_exists();

-- A participant moved to another school (rare: a row at a time is fine).
CREATE FUNCTION participant_school_exists() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM organizations WHERE id = NEW.school_id FOR KEY SHARE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'insert or update on table "participants" violates foreign key constraint "participants_school_id_fkey"'
            USING ERRCODE = 'foreign_key_violation',
                  DETAIL = format('Key (school_id)=(%s) is not present in table "organizations".', NEW.school_id);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER participants_school_moved AFTER UPDATE OF school_id ON participants
    FOR EACH ROW WHEN (OLD.school_id IS DISTINCT FROM NEW.school_id) EXECUTE FUNCTION participant_school_exists();

-- The other side: a school keeps its id, and stays, while participants name it.
CREATE FUNCTION organizations_keep_participants() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM participants WHERE school_id = OLD.id) THEN
        RAISE EXCEPTION 'update or delete on table "organizations" violates foreign key constraint "participants_school_id_fkey" on table "participants"'
            USING ERRCODE = 'foreign_key_violation',
                  DETAIL = format('Key (id)=(%s) is still referenced from table "participants".', OLD.id);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER organizations_deleted_keep_participants AFTER DELETE ON organizations
    FOR EACH ROW EXECUTE FUNCTION organizations_keep_participants();
CREATE TRIGGER organizations_renumbered_keep_participants AFTER UPDATE OF id ON organizations
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION organizations_keep_participants();
