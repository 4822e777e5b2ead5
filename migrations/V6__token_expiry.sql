-- Issue 19 finding 9: API tokens may be created with an expiry; an expired token is refused like a revoked one.
alter table api_tokens add column expires_at timestamptz;
