-- A programme's progress (done, counted, overdue) is counted from its roadmap's activities, and
-- a list counts it for every programme it shows. The counts stay valid while no activity
-- changes: every change bumps the programme's roadmap version (the triggers below, so no write
-- path can forget it), and counts kept by a server are used only at the version and on the
-- school's day they were counted for (`programs::progress::KeptProgress`).
ALTER TABLE programs ADD COLUMN roadmap_version BIGINT NOT NULL DEFAULT 0;

CREATE TRIGGER programs_roadmap_activity_inserted AFTER INSERT ON roadmap_activities BEGIN
    UPDATE programs SET roadmap_version = roadmap_version + 1 WHERE id = NEW.program_id;
END;
CREATE TRIGGER programs_roadmap_activity_updated AFTER UPDATE ON roadmap_activities BEGIN
    UPDATE programs SET roadmap_version = roadmap_version + 1 WHERE id IN (NEW.program_id, OLD.program_id);
END;
CREATE TRIGGER programs_roadmap_activity_deleted AFTER DELETE ON roadmap_activities BEGIN
    UPDATE programs SET roadmap_version = roadmap_version + 1 WHERE id = OLD.program_id;
END;
