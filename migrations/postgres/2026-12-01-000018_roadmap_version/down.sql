DROP TRIGGER programs_roadmap_activity ON roadmap_activities;
DROP FUNCTION programs_roadmap_touch();
ALTER TABLE programs DROP COLUMN roadmap_version;
