-- 0010: the 审计日志 view's 对象类型 filter (audit.list { entity }, repos/audit.ts) at county scale.
-- A county database holds what every township's roster import wrote: one audit row per household and per
-- member, ~1.4M rows. `entity = ?` had no index, so each page walked the log newest-first until it had 50
-- matches and the total counted by reading every row: 0.5 s for 成员 and 1.7 s for a rare type (用户,
-- 帮扶措施…) whose page has to pass all 1.4M rows — the whole backend waits meanwhile
-- (bench/probes/audit-county.ts). (entity, seq) serves both the page (newest first within the type) and the
-- count; the other filters already had theirs (audit_household, audit_user, audit_at).
-- Cost: one short entry per audit row (~12 bytes + the page overhead), one more b-tree per audited change.
CREATE INDEX audit_entity ON audit_log(entity, seq);
