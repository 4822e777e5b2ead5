-- Every user's sessions carry this value in the relata-epoch cookie. Logout, a password change, disabling the
-- user and an admin's "end all sessions" replace it, which ends every session of that user at once. It is
-- random, so a cookie for it cannot be made up.
alter table users add column session_epoch uuid not null default gen_random_uuid();
