DROP INDEX survey_invitations_user;
ALTER TABLE survey_invitations DROP COLUMN user_id;
