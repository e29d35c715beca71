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

CREATE TRIGGER school_figures_new_school AFTER INSERT ON organizations WHEN NEW.kind = 'school' BEGIN
    INSERT INTO school_figure_versions (school_id) VALUES (NEW.id);
END;

-- A participant's kind and age decide whether a mentee counts in the headline share; a new
-- participant is in no pair yet, and an import that leaves these fields as they were bumps nothing.
CREATE TRIGGER school_figures_participants_changed AFTER UPDATE OF kind, birth_date, birth_year ON participants
    WHEN OLD.kind IS NOT NEW.kind OR OLD.birth_date IS NOT NEW.birth_date OR OLD.birth_year IS NOT NEW.birth_year BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id IN (NEW.school_id, OLD.school_id);
END;
CREATE TRIGGER school_figures_participants_deleted AFTER DELETE ON participants BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id = OLD.school_id;
END;

-- Everything else the figures count, whichever column changed.
CREATE TRIGGER school_figures_programs_inserted AFTER INSERT ON programs BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id = NEW.school_id;
END;
CREATE TRIGGER school_figures_programs_updated AFTER UPDATE ON programs BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id IN (NEW.school_id, OLD.school_id);
END;
CREATE TRIGGER school_figures_programs_deleted AFTER DELETE ON programs BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id = OLD.school_id;
END;
CREATE TRIGGER school_figures_program_mentors_inserted AFTER INSERT ON program_mentors BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id = (SELECT school_id FROM programs WHERE id = NEW.program_id);
END;
CREATE TRIGGER school_figures_program_mentors_updated AFTER UPDATE ON program_mentors BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id IN ((SELECT school_id FROM programs WHERE id = NEW.program_id), (SELECT school_id FROM programs WHERE id = OLD.program_id));
END;
CREATE TRIGGER school_figures_program_mentors_deleted AFTER DELETE ON program_mentors BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id = (SELECT school_id FROM programs WHERE id = OLD.program_id);
END;
CREATE TRIGGER school_figures_program_mentees_inserted AFTER INSERT ON program_mentees BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id = (SELECT school_id FROM programs WHERE id = NEW.program_id);
END;
CREATE TRIGGER school_figures_program_mentees_updated AFTER UPDATE ON program_mentees BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id IN ((SELECT school_id FROM programs WHERE id = NEW.program_id), (SELECT school_id FROM programs WHERE id = OLD.program_id));
END;
CREATE TRIGGER school_figures_program_mentees_deleted AFTER DELETE ON program_mentees BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id = (SELECT school_id FROM programs WHERE id = OLD.program_id);
END;
CREATE TRIGGER school_figures_pairs_inserted AFTER INSERT ON pairs BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id = (SELECT school_id FROM programs WHERE id = NEW.program_id);
END;
CREATE TRIGGER school_figures_pairs_updated AFTER UPDATE ON pairs BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id IN ((SELECT school_id FROM programs WHERE id = NEW.program_id), (SELECT school_id FROM programs WHERE id = OLD.program_id));
END;
CREATE TRIGGER school_figures_pairs_deleted AFTER DELETE ON pairs BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id = (SELECT school_id FROM programs WHERE id = OLD.program_id);
END;
CREATE TRIGGER school_figures_pairing_orders_inserted AFTER INSERT ON pairing_orders BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id = (SELECT school_id FROM programs WHERE id = NEW.program_id);
END;
CREATE TRIGGER school_figures_pairing_orders_updated AFTER UPDATE ON pairing_orders BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id IN ((SELECT school_id FROM programs WHERE id = NEW.program_id), (SELECT school_id FROM programs WHERE id = OLD.program_id));
END;
CREATE TRIGGER school_figures_pairing_orders_deleted AFTER DELETE ON pairing_orders BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id = (SELECT school_id FROM programs WHERE id = OLD.program_id);
END;
CREATE TRIGGER school_figures_roadmap_activities_inserted AFTER INSERT ON roadmap_activities BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id = (SELECT school_id FROM programs WHERE id = NEW.program_id);
END;
CREATE TRIGGER school_figures_roadmap_activities_updated AFTER UPDATE ON roadmap_activities BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id IN ((SELECT school_id FROM programs WHERE id = NEW.program_id), (SELECT school_id FROM programs WHERE id = OLD.program_id));
END;
CREATE TRIGGER school_figures_roadmap_activities_deleted AFTER DELETE ON roadmap_activities BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id = (SELECT school_id FROM programs WHERE id = OLD.program_id);
END;
CREATE TRIGGER school_figures_surveys_inserted AFTER INSERT ON surveys BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id = (SELECT school_id FROM programs WHERE id = NEW.program_id);
END;
CREATE TRIGGER school_figures_surveys_updated AFTER UPDATE ON surveys BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id IN ((SELECT school_id FROM programs WHERE id = NEW.program_id), (SELECT school_id FROM programs WHERE id = OLD.program_id));
END;
CREATE TRIGGER school_figures_surveys_deleted AFTER DELETE ON surveys BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id = (SELECT school_id FROM programs WHERE id = OLD.program_id);
END;
CREATE TRIGGER school_figures_pair_mentees_inserted AFTER INSERT ON pair_mentees BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id = (SELECT g.school_id FROM pairs pa JOIN programs g ON g.id = pa.program_id WHERE pa.id = NEW.pair_id);
END;
CREATE TRIGGER school_figures_pair_mentees_updated AFTER UPDATE ON pair_mentees BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id IN ((SELECT g.school_id FROM pairs pa JOIN programs g ON g.id = pa.program_id WHERE pa.id = NEW.pair_id), (SELECT g.school_id FROM pairs pa JOIN programs g ON g.id = pa.program_id WHERE pa.id = OLD.pair_id));
END;
CREATE TRIGGER school_figures_pair_mentees_deleted AFTER DELETE ON pair_mentees BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id = (SELECT g.school_id FROM pairs pa JOIN programs g ON g.id = pa.program_id WHERE pa.id = OLD.pair_id);
END;
CREATE TRIGGER school_figures_meetings_inserted AFTER INSERT ON meetings BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id = (SELECT g.school_id FROM pairs pa JOIN programs g ON g.id = pa.program_id WHERE pa.id = NEW.pair_id);
END;
CREATE TRIGGER school_figures_meetings_updated AFTER UPDATE ON meetings BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id IN ((SELECT g.school_id FROM pairs pa JOIN programs g ON g.id = pa.program_id WHERE pa.id = NEW.pair_id), (SELECT g.school_id FROM pairs pa JOIN programs g ON g.id = pa.program_id WHERE pa.id = OLD.pair_id));
END;
CREATE TRIGGER school_figures_meetings_deleted AFTER DELETE ON meetings BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id = (SELECT g.school_id FROM pairs pa JOIN programs g ON g.id = pa.program_id WHERE pa.id = OLD.pair_id);
END;
CREATE TRIGGER school_figures_survey_invitations_inserted AFTER INSERT ON survey_invitations BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id = (SELECT g.school_id FROM surveys s JOIN programs g ON g.id = s.program_id WHERE s.id = NEW.survey_id);
END;
CREATE TRIGGER school_figures_survey_invitations_updated AFTER UPDATE ON survey_invitations BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id IN ((SELECT g.school_id FROM surveys s JOIN programs g ON g.id = s.program_id WHERE s.id = NEW.survey_id), (SELECT g.school_id FROM surveys s JOIN programs g ON g.id = s.program_id WHERE s.id = OLD.survey_id));
END;
CREATE TRIGGER school_figures_survey_invitations_deleted AFTER DELETE ON survey_invitations BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id = (SELECT g.school_id FROM surveys s JOIN programs g ON g.id = s.program_id WHERE s.id = OLD.survey_id);
END;
CREATE TRIGGER school_figures_survey_responses_inserted AFTER INSERT ON survey_responses BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id = (SELECT g.school_id FROM surveys s JOIN programs g ON g.id = s.program_id WHERE s.id = NEW.survey_id);
END;
CREATE TRIGGER school_figures_survey_responses_updated AFTER UPDATE ON survey_responses BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id IN ((SELECT g.school_id FROM surveys s JOIN programs g ON g.id = s.program_id WHERE s.id = NEW.survey_id), (SELECT g.school_id FROM surveys s JOIN programs g ON g.id = s.program_id WHERE s.id = OLD.survey_id));
END;
CREATE TRIGGER school_figures_survey_responses_deleted AFTER DELETE ON survey_responses BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id = (SELECT g.school_id FROM surveys s JOIN programs g ON g.id = s.program_id WHERE s.id = OLD.survey_id);
END;
CREATE TRIGGER school_figures_contingent_age_groups_inserted AFTER INSERT ON contingent_age_groups BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id = NEW.organization_id;
END;
CREATE TRIGGER school_figures_contingent_age_groups_updated AFTER UPDATE ON contingent_age_groups BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id IN (NEW.organization_id, OLD.organization_id);
END;
CREATE TRIGGER school_figures_contingent_age_groups_deleted AFTER DELETE ON contingent_age_groups BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id = OLD.organization_id;
END;
CREATE TRIGGER school_figures_meeting_settings_inserted AFTER INSERT ON meeting_settings BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id = NEW.school_id;
END;
CREATE TRIGGER school_figures_meeting_settings_updated AFTER UPDATE ON meeting_settings BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id IN (NEW.school_id, OLD.school_id);
END;
CREATE TRIGGER school_figures_meeting_settings_deleted AFTER DELETE ON meeting_settings BEGIN
    UPDATE school_figure_versions SET version = version + 1 WHERE school_id = OLD.school_id;
END;
