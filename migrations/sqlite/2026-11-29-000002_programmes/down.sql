DROP TABLE roadmap_templates;
DROP TABLE media_plan_items;
DROP TABLE roadmap_activities;
DROP TABLE program_curators;
DROP TABLE programs;
