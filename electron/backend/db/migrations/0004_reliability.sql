-- 0004: reliability & security. Password history, so a changed password cannot simply be set
-- back to one of the last few (reliability bar A-02; 等保 身份鉴别). Only scrypt hashes are kept.
CREATE TABLE password_history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id TEXT NOT NULL REFERENCES users(id),
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX password_history_user ON password_history(user_id, id);
