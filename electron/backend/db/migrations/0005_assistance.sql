-- 0005_assistance.sql: 帮扶措施, 结对帮扶干部, 走访 (DOMAIN §5 Assistance and Follow-up).
-- All records travel to the county: UUIDv7 ids, row_version, updated_at/by, deleted_at tombstones.

-- One measure for one household. category = profile measure category key (产业/就业/健康 …),
-- item = one of that category's sub-items, priority = the seed's 八个优先 label.
CREATE TABLE measures (
  id TEXT PRIMARY KEY,
  household_id TEXT NOT NULL REFERENCES households(id),
  category TEXT NOT NULL,
  item TEXT,
  priority TEXT,
  content TEXT NOT NULL,
  responsible_unit TEXT NOT NULL DEFAULT '',
  responsible_person TEXT NOT NULL DEFAULT '',
  planned_start TEXT,
  planned_end TEXT,
  actual_start TEXT,
  actual_end TEXT,
  amount_fen INTEGER CHECK (amount_fen IS NULL OR amount_fen >= 0),   -- 金额, 分
  status TEXT NOT NULL CHECK (status IN ('planned', 'implemented', 'ended')),  -- 计划 / 已实施 / 已结束
  effect TEXT NOT NULL DEFAULT '',                                      -- 帮扶成效
  row_version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  deleted_at TEXT
) STRICT;
CREATE INDEX measures_household ON measures(household_id, planned_start);
CREATE INDEX measures_category_status ON measures(category, status);
CREATE INDEX measures_updated ON measures(updated_at);

-- 劳动意愿 of a household, for the development-measure rule: absent = not recorded (read as willing).
CREATE TABLE household_labour_intent (
  household_id TEXT PRIMARY KEY REFERENCES households(id),
  willing INTEGER NOT NULL CHECK (willing IN (0, 1)),
  reason TEXT NOT NULL DEFAULT '',
  row_version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  deleted_at TEXT
) STRICT;

-- 结对帮扶干部: the people, and their pairing with households over a period (history kept).
CREATE TABLE cadres (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  unit TEXT NOT NULL DEFAULT '',      -- 工作单位
  position TEXT NOT NULL DEFAULT '',  -- 职务
  phone TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  row_version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  deleted_at TEXT
) STRICT;
CREATE INDEX cadres_name ON cadres(name);

CREATE TABLE cadre_assignments (
  id TEXT PRIMARY KEY,
  cadre_id TEXT NOT NULL REFERENCES cadres(id),
  household_id TEXT NOT NULL REFERENCES households(id),
  start_date TEXT NOT NULL,
  end_date TEXT,                      -- NULL = still paired
  row_version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  deleted_at TEXT,
  CHECK (end_date IS NULL OR end_date >= start_date)
) STRICT;
CREATE INDEX cadre_assignments_cadre ON cadre_assignments(cadre_id, start_date);
CREATE INDEX cadre_assignments_household ON cadre_assignments(household_id, start_date);

-- 走访: one visit to one household. visitors / cadre_ids / new_risks / photo_file_ids are JSON arrays;
-- photos are rows of `files` (kind 'attachment', household_id set). colour_before/after record a
-- re-grading made at the visit (NULL after = unchanged).
CREATE TABLE followups (
  id TEXT PRIMARY KEY,
  household_id TEXT NOT NULL REFERENCES households(id),
  visit_date TEXT NOT NULL,
  visitors TEXT NOT NULL DEFAULT '[]',
  cadre_ids TEXT NOT NULL DEFAULT '[]',
  method TEXT NOT NULL CHECK (method IN ('home', 'phone', 'other')),   -- 入户 / 电话 / 其他
  findings TEXT NOT NULL,
  income_change TEXT NOT NULL DEFAULT '',
  income_change_fen INTEGER,                                           -- signed estimate, 分/年
  new_risks TEXT NOT NULL DEFAULT '[]',
  satisfaction TEXT CHECK (satisfaction IS NULL OR satisfaction IN ('satisfied', 'basicallySatisfied', 'dissatisfied')),
  colour_before TEXT,
  colour_after TEXT CHECK (colour_after IS NULL OR colour_after IN ('red', 'orange', 'yellow', 'blue')),
  photo_file_ids TEXT NOT NULL DEFAULT '[]',
  row_version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  deleted_at TEXT
) STRICT;
CREATE INDEX followups_household ON followups(household_id, visit_date);
CREATE INDEX followups_date ON followups(visit_date);
