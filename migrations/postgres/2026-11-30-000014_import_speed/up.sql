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

-- PostgreSQL checks each foreign key of an inserted row with a trigger call of its own, even
-- where the key is NULL: for an import of a hundred thousand participants, the two keys of
-- `participants` cost as much as writing the rows. The same rules, checked once per statement
-- over all its rows, and by the row only where a key changes.
ALTER TABLE participants DROP CONSTRAINT participants_school_id_fkey;
ALTER TABLE participants DROP CONSTRAINT participants_user_id_fkey;

CREATE FUNCTION participants_references_exist() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    lowest BIGINT;
    highest BIGINT;
    schools BIGINT[];
    accounts BIGINT[];
    missing BIGINT;
BEGIN
    -- Nearly always one school: found in one pass, without sorting the rows.
    SELECT min(school_id), max(school_id) INTO lowest, highest FROM new_rows;
    IF lowest = highest THEN
        schools := ARRAY[lowest];
    ELSE
        SELECT array_agg(DISTINCT school_id) INTO schools FROM new_rows;
    END IF;
    -- Locked as the foreign key locks them, so that none goes before this transaction ends.
    PERFORM 1 FROM organizations WHERE id = ANY (schools) FOR KEY SHARE;
    SELECT s INTO missing FROM unnest(schools) s WHERE NOT EXISTS (SELECT 1 FROM organizations o WHERE o.id = s) LIMIT 1;
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'insert or update on table "participants" violates foreign key constraint "participants_school_id_fkey"'
            USING ERRCODE = 'foreign_key_violation',
                  DETAIL = format('Key (school_id)=(%s) is not present in table "organizations".', missing);
    END IF;
    -- An import links no accounts: usually nothing to look up.
    SELECT array_agg(DISTINCT user_id) INTO accounts FROM new_rows WHERE user_id IS NOT NULL;
    IF accounts IS NOT NULL THEN
        PERFORM 1 FROM users WHERE id = ANY (accounts) FOR KEY SHARE;
        SELECT a INTO missing FROM unnest(accounts) a WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = a) LIMIT 1;
        IF missing IS NOT NULL THEN
            RAISE EXCEPTION 'insert or update on table "participants" violates foreign key constraint "participants_user_id_fkey"'
                USING ERRCODE = 'foreign_key_violation',
                      DETAIL = format('Key (user_id)=(%s) is not present in table "users".', missing);
        END IF;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER participants_references_inserted AFTER INSERT ON participants
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participants_references_exist();

-- A participant moved to another school or linked to an account: a row at a time is fine.
CREATE FUNCTION participant_references_exist() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM organizations WHERE id = NEW.school_id FOR KEY SHARE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'insert or update on table "participants" violates foreign key constraint "participants_school_id_fkey"'
            USING ERRCODE = 'foreign_key_violation',
                  DETAIL = format('Key (school_id)=(%s) is not present in table "organizations".', NEW.school_id);
    END IF;
    IF NEW.user_id IS NOT NULL THEN
        PERFORM 1 FROM users WHERE id = NEW.user_id FOR KEY SHARE;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'insert or update on table "participants" violates foreign key constraint "participants_user_id_fkey"'
                USING ERRCODE = 'foreign_key_violation',
                      DETAIL = format('Key (user_id)=(%s) is not present in table "users".', NEW.user_id);
        END IF;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER participants_references_changed AFTER UPDATE OF school_id, user_id ON participants
    FOR EACH ROW WHEN (OLD.school_id IS DISTINCT FROM NEW.school_id OR OLD.user_id IS DISTINCT FROM NEW.user_id)
    EXECUTE FUNCTION participant_references_exist();

-- The other side. A school stays, and keeps its id, while participants name it.
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

-- An account that goes leaves its participant unlinked (the key was ON DELETE SET NULL); while
-- linked, it keeps its id.
CREATE FUNCTION users_unlink_participants() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE participants SET user_id = NULL WHERE user_id = OLD.id;
    ELSIF EXISTS (SELECT 1 FROM participants WHERE user_id = OLD.id) THEN
        RAISE EXCEPTION 'update or delete on table "users" violates foreign key constraint "participants_user_id_fkey" on table "participants"'
            USING ERRCODE = 'foreign_key_violation',
                  DETAIL = format('Key (id)=(%s) is still referenced from table "participants".', OLD.id);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER users_deleted_unlink_participants AFTER DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION users_unlink_participants();
CREATE TRIGGER users_renumbered_keep_participants AFTER UPDATE OF id ON users
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION users_unlink_participants();
