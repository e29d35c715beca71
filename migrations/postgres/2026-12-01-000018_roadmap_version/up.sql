-- A programme's progress (done, counted, overdue) is counted from its roadmap's activities, and
-- a list counts it for every programme it shows. The counts stay valid while no activity
-- changes: every change bumps the programme's roadmap version (the trigger below, so no write
-- path can forget it), and counts kept by a server are used only at the version and on the
-- school's day they were counted for (`programs::progress::KeptProgress`).
ALTER TABLE programs ADD COLUMN roadmap_version BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION programs_roadmap_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'DELETE' THEN
        UPDATE programs SET roadmap_version = roadmap_version + 1 WHERE id = NEW.program_id;
    END IF;
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.program_id IS DISTINCT FROM NEW.program_id) THEN
        UPDATE programs SET roadmap_version = roadmap_version + 1 WHERE id = OLD.program_id;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER programs_roadmap_activity AFTER INSERT OR UPDATE OR DELETE ON roadmap_activities
    FOR EACH ROW EXECUTE FUNCTION programs_roadmap_touch();
