-- A user with an account answers in the SPA: their invitation names the user, so that they have one
-- response per survey, resumable, without a link. Mentors and mentees are named by their participant
-- record (shared with a printed link, if one was issued); curators, who have none, by the user.
ALTER TABLE survey_invitations ADD COLUMN user_id BIGINT REFERENCES users (id) ON DELETE SET NULL;
CREATE UNIQUE INDEX survey_invitations_user ON survey_invitations (survey_id, user_id) WHERE user_id IS NOT NULL;
