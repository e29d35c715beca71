DROP TABLE idempotency_keys;
DROP TABLE login_failures;
DROP TABLE api_tokens;
DROP TABLE refresh_tokens;
DROP TABLE memberships;
DROP TABLE users;
DROP TABLE contingent_age_groups;
DROP TABLE organizations;
