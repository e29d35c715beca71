DROP TABLE calendar_feeds;
DROP TABLE meeting_settings;
DROP TABLE meeting_attendance;
DROP TABLE meetings;
