// Account bookkeeping beyond the users table: password history and session clean-up.

import type { Db } from '../db/connection';

/** The user's most recent password hashes, newest first (the current one included). */
export function recentPasswordHashes(db: Db, userId: string, limit: number): string[] {
  return (db.prepare(`SELECT password_hash FROM password_history WHERE user_id = ? ORDER BY id DESC LIMIT ?`).all(userId, limit) as { password_hash: string }[]).map(
    (r) => r.password_hash,
  );
}

export function addPasswordHistory(db: Db, userId: string, hash: string, at: string): void {
  db.prepare(`INSERT INTO password_history (user_id, password_hash, created_at) VALUES (?, ?, ?)`).run(userId, hash, at);
}

/** Ends every session of a user except the one making the request. */
export function deleteOtherSessions(db: Db, userId: string, keepTokenHash: string): void {
  db.prepare(`DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?`).run(userId, keepTokenHash);
}
