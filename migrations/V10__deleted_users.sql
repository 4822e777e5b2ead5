-- Issue 21 item 7: an admin deletes a user. The row stays under a pseudonym ("former-annotator-3") so that the
-- layers a manager chose to keep and the audit rows still point at someone; the person's name, password, tokens
-- and memberships go.
alter table users add column deleted_at timestamptz;
create sequence former_user_seq;
