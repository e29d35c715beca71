-- A list's progress counts a programme's activities by status and deadline (`RoadmapCounts`):
-- with both in the index, the count reads the index alone, never the activities' long rows.
CREATE INDEX roadmap_activities_progress ON roadmap_activities (program_id, status, deadline);
