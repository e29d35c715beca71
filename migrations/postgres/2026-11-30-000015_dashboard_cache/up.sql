-- The regional dashboard reads each school's figures from a cache rather than measuring 500
-- schools on every request. A school's figures stay valid while nothing they are counted from
-- changes: every such change bumps the school's version (the triggers below, so no write path
-- can forget it), and cached figures are used only at the version and on the school's day they
-- were measured for. The versions and the cache are separate tables so that a dashboard storing
-- figures never waits on a school's writers, who lock only their version row.
CREATE TABLE school_figure_versions (
    school_id BIGINT PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
    version   BIGINT NOT NULL DEFAULT 0
);
-- Figures of the default age band (SchoolFigures as JSON), measured at `version` for the
-- school's day `measured_on`.
CREATE TABLE school_figure_cache (
    school_id   BIGINT PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
    version     BIGINT NOT NULL,
    measured_on DATE NOT NULL,
    figures     TEXT NOT NULL
);
INSERT INTO school_figure_versions (school_id) SELECT id FROM organizations WHERE kind = 'school';

CREATE FUNCTION school_figure_versions_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO school_figure_versions (school_id) VALUES (NEW.id);
    RETURN NULL;
END;
$$;
CREATE TRIGGER school_figures_new_school AFTER INSERT ON organizations
    FOR EACH ROW WHEN (NEW.kind = 'school') EXECUTE FUNCTION school_figure_versions_add();

-- One function for every table: its arguments say how the row names its school (the school
-- itself, a programme, a pair or a survey) and in which column.
CREATE FUNCTION school_figures_touch() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    keys BIGINT[] := '{}';
    schools BIGINT[];
BEGIN
    IF TG_OP <> 'DELETE' THEN keys := keys || (to_jsonb(NEW) ->> TG_ARGV[1])::BIGINT; END IF;
    IF TG_OP <> 'INSERT' THEN keys := keys || (to_jsonb(OLD) ->> TG_ARGV[1])::BIGINT; END IF;
    IF TG_ARGV[0] = 'school' THEN
        schools := keys;
    ELSIF TG_ARGV[0] = 'program' THEN
        SELECT array_agg(school_id) INTO schools FROM programs WHERE id = ANY (keys);
    ELSIF TG_ARGV[0] = 'pair' THEN
        SELECT array_agg(g.school_id) INTO schools FROM pairs pa JOIN programs g ON g.id = pa.program_id WHERE pa.id = ANY (keys);
    ELSE
        SELECT array_agg(g.school_id) INTO schools FROM surveys s JOIN programs g ON g.id = s.program_id WHERE s.id = ANY (keys);
    END IF;
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id = ANY (schools);
    RETURN NULL;
END;
$$;

-- A participant's kind and age decide whether a mentee counts in the headline share; a new
-- participant is in no pair yet, and an import that leaves these fields as they were bumps nothing.
CREATE TRIGGER school_figures_participants_changed AFTER UPDATE OF kind, birth_date, birth_year ON participants
    FOR EACH ROW WHEN (OLD.kind IS DISTINCT FROM NEW.kind OR OLD.birth_date IS DISTINCT FROM NEW.birth_date OR OLD.birth_year IS DISTINCT FROM NEW.birth_year)
    EXECUTE FUNCTION school_figures_touch('school', 'school_id');
CREATE TRIGGER school_figures_participants_deleted AFTER DELETE ON participants
    FOR EACH ROW EXECUTE FUNCTION school_figures_touch('school', 'school_id');

-- Everything else the figures count, whichever column changed.
CREATE TRIGGER school_figures_programs AFTER INSERT OR UPDATE OR DELETE ON programs
    FOR EACH ROW EXECUTE FUNCTION school_figures_touch('school', 'school_id');
CREATE TRIGGER school_figures_program_mentors AFTER INSERT OR UPDATE OR DELETE ON program_mentors
    FOR EACH ROW EXECUTE FUNCTION school_figures_touch('program', 'program_id');
CREATE TRIGGER school_figures_program_mentees AFTER INSERT OR UPDATE OR DELETE ON program_mentees
    FOR EACH ROW EXECUTE FUNCTION school_figures_touch('program', 'program_id');
CREATE TRIGGER school_figures_pairs AFTER INSERT OR UPDATE OR DELETE ON pairs
    FOR EACH ROW EXECUTE FUNCTION school_figures_touch('program', 'program_id');
CREATE TRIGGER school_figures_pairing_orders AFTER INSERT OR UPDATE OR DELETE ON pairing_orders
    FOR EACH ROW EXECUTE FUNCTION school_figures_touch('program', 'program_id');
CREATE TRIGGER school_figures_roadmap_activities AFTER INSERT OR UPDATE OR DELETE ON roadmap_activities
    FOR EACH ROW EXECUTE FUNCTION school_figures_touch('program', 'program_id');
CREATE TRIGGER school_figures_surveys AFTER INSERT OR UPDATE OR DELETE ON surveys
    FOR EACH ROW EXECUTE FUNCTION school_figures_touch('program', 'program_id');
CREATE TRIGGER school_figures_pair_mentees AFTER INSERT OR UPDATE OR DELETE ON pair_mentees
    FOR EACH ROW EXECUTE FUNCTION school_figures_touch('pair', 'pair_id');
CREATE TRIGGER school_figures_meetings AFTER INSERT OR UPDATE OR DELETE ON meetings
    FOR EACH ROW EXECUTE FUNCTION school_figures_touch('pair', 'pair_id');
CREATE TRIGGER school_figures_survey_invitations AFTER INSERT OR UPDATE OR DELETE ON survey_invitations
    FOR EACH ROW EXECUTE FUNCTION school_figures_touch('survey', 'survey_id');
CREATE TRIGGER school_figures_survey_responses AFTER INSERT OR UPDATE OR DELETE ON survey_responses
    FOR EACH ROW EXECUTE FUNCTION school_figures_touch('survey', 'survey_id');
CREATE TRIGGER school_figures_contingent_age_groups AFTER INSERT OR UPDATE OR DELETE ON contingent_age_groups
    FOR EACH ROW EXECUTE FUNCTION school_figures_touch('school', 'organization_id');
CREATE TRIGGER school_figures_meeting_settings AFTER INSERT OR UPDATE OR DELETE ON meeting_settings
    FOR EACH ROW EXECUTE FUNCTION school_figures_touch('school', 'school_id');
