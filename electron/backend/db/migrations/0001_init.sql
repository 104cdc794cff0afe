-- 0001: the foundation schema. Every record that travels to the county carries a globally unique
-- id (UUIDv7), a row_version, updated_at/by and a tombstone (deleted_at); every change also lands in
-- change_log, and every change of meaning in audit_log, in the same transaction (ARCHITECTURE §8, §12).

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,            -- JSON
  updated_at TEXT NOT NULL,
  updated_by TEXT
) STRICT;

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  scope TEXT NOT NULL DEFAULT '{"kind":"all"}',  -- JSON Scope
  password_hash TEXT NOT NULL,                   -- scrypt$N$r$p$salt$hash
  must_change_password INTEGER NOT NULL DEFAULT 0,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  disabled INTEGER NOT NULL DEFAULT 0,
  last_login_at TEXT,
  row_version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT
) STRICT;

-- Only a hash of each bearer token is stored, so a copied database file grants no sessions.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
) STRICT;

-- 县 → 乡镇 → 行政村 → 村民小组/自然村
CREATE TABLE divisions (
  id TEXT PRIMARY KEY,
  parent_id TEXT REFERENCES divisions(id),
  level TEXT NOT NULL CHECK (level IN ('township', 'village', 'group')),
  name TEXT NOT NULL,
  code TEXT,                         -- 12-digit statistical code where known
  sort_order INTEGER NOT NULL DEFAULT 0,
  row_version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  deleted_at TEXT
) STRICT;
CREATE INDEX divisions_parent ON divisions(parent_id, sort_order);

CREATE TABLE households (
  id TEXT PRIMARY KEY,
  household_no TEXT,                 -- 户编号 (national system), optional
  village_id TEXT NOT NULL REFERENCES divisions(id),
  group_id TEXT REFERENCES divisions(id),
  address TEXT NOT NULL DEFAULT '',
  -- Denormalised from the head member so register queries need no join (kept by the repo).
  head_name TEXT NOT NULL DEFAULT '',
  head_pinyin TEXT NOT NULL DEFAULT '',   -- initials, lower case, e.g. 张三丰 → zsf
  head_id_number TEXT,
  phone TEXT NOT NULL DEFAULT '',
  household_type TEXT NOT NULL,      -- 户类型 (profile enum)
  flags TEXT NOT NULL DEFAULT '[]',  -- JSON array: 整户无劳动能力兜底保障户, 易地扶贫搬迁, …
  farmland_mu REAL,                  -- 耕地面积 (亩)
  forest_mu REAL,                    -- 林地面积
  grain_for_green_mu REAL,           -- 退耕还林面积
  housing_area_m2 REAL,              -- 住房面积
  dangerous_house_grade TEXT,        -- 危房等级 A/B/C/D or NULL
  status TEXT NOT NULL DEFAULT 'normal',  -- normal 正常 / monitoring 监测中 / eliminated 风险已消除 / exited 退出 / cancelled 注销 (labels: profile)
  category TEXT,                     -- 监测对象类别 when monitored
  colour TEXT,                       -- current grade: red/orange/yellow/blue
  risk_types TEXT NOT NULL DEFAULT '[]',
  monitored_since TEXT,              -- 县级审定 date of the current identification
  member_count INTEGER NOT NULL DEFAULT 0,
  extra TEXT NOT NULL DEFAULT '{}',  -- profile-defined extra fields
  row_version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  deleted_at TEXT
) STRICT;
-- Register order is pinyin initials then name; each quick filter has an index that also serves that order.
CREATE INDEX households_village_order ON households(village_id, head_pinyin, head_name);
CREATE INDEX households_name ON households(head_name);
CREATE INDEX households_order ON households(head_pinyin, head_name);
CREATE INDEX households_phone ON households(phone);
CREATE INDEX households_no ON households(household_no);
CREATE INDEX households_colour_order ON households(colour, head_pinyin, head_name);
CREATE INDEX households_type_order ON households(household_type, head_pinyin, head_name);
CREATE INDEX households_status_order ON households(status, head_pinyin, head_name);

CREATE TABLE members (
  id TEXT PRIMARY KEY,
  household_id TEXT NOT NULL REFERENCES households(id),
  name TEXT NOT NULL,
  pinyin TEXT NOT NULL DEFAULT '',
  id_type TEXT NOT NULL DEFAULT '居民身份证',
  id_number TEXT,
  sex TEXT,
  birth_date TEXT,
  relation TEXT NOT NULL,            -- 与户主关系
  is_head INTEGER NOT NULL DEFAULT 0,
  ethnicity TEXT,
  political_status TEXT,
  education TEXT,
  school_stage TEXT,                 -- 在校生 学段
  school_grade INTEGER,              -- 年级
  school_year_confirmed TEXT,        -- school year (e.g. '2026') whose grade was last confirmed
  out_of_school_reason TEXT,         -- 义务教育阶段未上学原因 (profile list)
  health TEXT,                       -- 健康 / 长期慢性病 / 患有大病 / 残疾
  disability_grade TEXT,
  disability_cert_no TEXT,
  labour_skill TEXT,
  work_place TEXT,
  work_employer TEXT,
  work_months INTEGER,
  public_welfare_job_months INTEGER,
  insured_medical INTEGER NOT NULL DEFAULT 0,   -- 城乡居民基本医疗保险
  insured_critical INTEGER NOT NULL DEFAULT 0,  -- 大病保险
  insured_pension INTEGER NOT NULL DEFAULT 0,   -- 基本养老保险
  dibao INTEGER NOT NULL DEFAULT 0,             -- 低保
  tekun INTEGER NOT NULL DEFAULT 0,             -- 特困
  phone TEXT NOT NULL DEFAULT '',
  joined_at TEXT,                    -- date the person entered the household (出生/婚入/迁入)
  left_at TEXT,                      -- date the person left (死亡/婚出/迁出/分户); history kept
  left_reason TEXT,
  sort_order INTEGER NOT NULL DEFAULT 0,
  extra TEXT NOT NULL DEFAULT '{}',
  row_version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  deleted_at TEXT
) STRICT;
CREATE INDEX members_household ON members(household_id, sort_order);
-- One person, one current household: the same ID number may not be an active member twice.
CREATE UNIQUE INDEX members_id_number_active ON members(id_number)
  WHERE id_number IS NOT NULL AND deleted_at IS NULL AND left_at IS NULL;
CREATE INDEX members_id_number ON members(id_number);
CREATE INDEX members_name ON members(name);
CREATE INDEX members_pinyin ON members(pinyin);

-- Uploaded and generated files; bytes live under <dataDir>/files/<id>, never at a client's path.
CREATE TABLE files (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,                -- upload / generated / attachment / signature / template
  original_name TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  mime TEXT NOT NULL DEFAULT 'application/octet-stream',
  household_id TEXT REFERENCES households(id),
  created_at TEXT NOT NULL,
  created_by TEXT
) STRICT;
CREATE INDEX files_household ON files(household_id);

-- Who changed what and when, old → new per field. Append-only: no update or delete path exists.
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  at TEXT NOT NULL,
  user_id TEXT,
  username TEXT,
  action TEXT NOT NULL,              -- create / update / delete / login / login_failed / lockout / denied / …
  entity TEXT NOT NULL,
  entity_id TEXT,
  household_id TEXT,
  summary TEXT NOT NULL,             -- Chinese one-liner for the audit view
  changes TEXT NOT NULL DEFAULT '[]' -- JSON [{field,label,old,new}]
) STRICT;
CREATE INDEX audit_at ON audit_log(at);
CREATE INDEX audit_household ON audit_log(household_id, seq);
CREATE INDEX audit_user ON audit_log(user_id, seq);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- What the county consolidation (FULL sync) reads: every upsert/tombstone with the row as it became.
CREATE TABLE change_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  origin TEXT NOT NULL,              -- workstation id
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  row_version INTEGER NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
  data TEXT NOT NULL                 -- JSON snapshot of the row
) STRICT;
CREATE INDEX change_log_entity ON change_log(entity, entity_id);
CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
