-- 0002: registers — 人口自然变更 as dated events, 收入核算 per household per window, 三保障评估 and the
-- 风险评级 history. Records that travel to the county carry id/row_version/updated_*/deleted_at (ARCHITECTURE §12).

-- 出生 / 死亡 / 婚入 / 婚出 / 迁入 / 迁出 / 分户 / 合户. Members keep their rows: joined_at / left_at say when.
CREATE TABLE household_events (
  id TEXT PRIMARY KEY,
  household_id TEXT NOT NULL REFERENCES households(id),
  kind TEXT NOT NULL CHECK (kind IN ('birth', 'death', 'marriageIn', 'marriageOut', 'moveIn', 'moveOut', 'split', 'merge')),
  event_date TEXT NOT NULL,
  -- 分户: the new household; 合户: the household merged in (注销 afterwards).
  related_household_id TEXT REFERENCES households(id),
  member_ids TEXT NOT NULL DEFAULT '[]',   -- JSON: member rows of household_id that joined or left
  member_names TEXT NOT NULL DEFAULT '[]', -- JSON: their names, for the timeline
  summary TEXT NOT NULL,                   -- Chinese one-liner
  note TEXT NOT NULL DEFAULT '',
  details TEXT NOT NULL DEFAULT '{}',      -- JSON: head change, relation changes, status before, member map of 分户/合户
  revoked_at TEXT,                         -- 撤销 of an entry error: the event stays, marked
  revoked_reason TEXT,
  recorded_by TEXT,                        -- who recorded it (updated_by changes on 撤销)
  row_version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  deleted_at TEXT
) STRICT;
CREATE INDEX household_events_household ON household_events(household_id, event_date);
CREATE INDEX household_events_related ON household_events(related_household_id);

-- 收入核算: one row per household per window; totals are computed by shared/domain/income.ts and stored so
-- registers and reports can list and filter without recomputing.
CREATE TABLE income_accounts (
  id TEXT PRIMARY KEY,
  household_id TEXT NOT NULL REFERENCES households(id),
  accounted_on TEXT NOT NULL,              -- 核算日期; the window derives from it
  window_kind TEXT NOT NULL,               -- rolling12 / calendarYear
  window_from TEXT NOT NULL,
  window_to TEXT NOT NULL,
  line_year INTEGER NOT NULL,
  divisor INTEGER NOT NULL CHECK (divisor > 0),       -- 家庭人口数 used for 人均
  divisor_overridden INTEGER NOT NULL DEFAULT 0,      -- 1 = set by the clerk, not from the members' dates
  divisor_reason TEXT,
  members_at_window_end INTEGER NOT NULL,
  wage_fen INTEGER NOT NULL,
  business_fen INTEGER NOT NULL,
  business_cost_fen INTEGER NOT NULL,
  property_fen INTEGER NOT NULL,
  transfer_fen INTEGER NOT NULL,
  claims_fen INTEGER NOT NULL,
  self_paid_fen INTEGER NOT NULL,
  gross_income_fen INTEGER NOT NULL,
  net_income_fen INTEGER NOT NULL,
  self_paid_deducted_fen INTEGER NOT NULL,
  per_capita_fen INTEGER NOT NULL,
  poverty_line_fen INTEGER NOT NULL,
  monitoring_line_fen INTEGER NOT NULL,
  line_source TEXT NOT NULL DEFAULT '',
  comparison TEXT NOT NULL CHECK (comparison IN ('belowPoverty', 'belowMonitoring', 'atOrAboveMonitoring')),
  gap_to_monitoring_fen INTEGER NOT NULL,
  warnings TEXT NOT NULL DEFAULT '[]',            -- JSON [{code, message}]
  confirmed_warnings TEXT NOT NULL DEFAULT '[]',  -- JSON [code]: checked by the clerk
  accountant TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  row_version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  deleted_at TEXT
) STRICT;
CREATE UNIQUE INDEX income_accounts_window ON income_accounts(household_id, window_from, window_to) WHERE deleted_at IS NULL;
CREATE INDEX income_accounts_latest ON income_accounts(household_id, window_to, accounted_on);
CREATE INDEX income_accounts_comparison ON income_accounts(comparison, line_year);

-- The lines of one 核算 (part of the account: replaced with it, travel inside its change_log snapshot).
-- Label/group/counted are copied from the profile when saved, so a signed sheet never changes afterwards.
CREATE TABLE income_items (
  account_id TEXT NOT NULL REFERENCES income_accounts(id),
  item_key TEXT NOT NULL,
  label TEXT NOT NULL,
  group_key TEXT NOT NULL,
  counted INTEGER NOT NULL,
  amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
  note TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (account_id, item_key)
) STRICT;
CREATE INDEX income_items_key ON income_items(item_key);

-- 三保障评估: dated, by a named assessor; the colour and the facts it was graded from are kept with it.
CREATE TABLE assessments (
  id TEXT PRIMARY KEY,
  household_id TEXT NOT NULL REFERENCES households(id),
  assessed_on TEXT NOT NULL,
  assessor TEXT NOT NULL,
  items TEXT NOT NULL,                     -- JSON {key: {pass, note}}; incomeAbove absent when no 核算
  water TEXT NOT NULL,                     -- JSON {quantity, quality, convenience}
  risks TEXT NOT NULL DEFAULT '[]',        -- JSON [{type, subType}]
  income_account_id TEXT REFERENCES income_accounts(id),
  colour TEXT NOT NULL CHECK (colour IN ('red', 'orange', 'yellow', 'blue')),
  colour_reason TEXT NOT NULL,
  rule_index INTEGER,
  facts TEXT NOT NULL,                     -- JSON grading input ("why this colour")
  hints TEXT NOT NULL DEFAULT '[]',
  note TEXT NOT NULL DEFAULT '',
  row_version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  deleted_at TEXT
) STRICT;
CREATE INDEX assessments_household ON assessments(household_id, assessed_on);

-- 风险评级 history: one row per grading (an assessment, or later another source such as 风险消除).
CREATE TABLE household_grades (
  id TEXT PRIMARY KEY,
  household_id TEXT NOT NULL REFERENCES households(id),
  graded_on TEXT NOT NULL,
  colour TEXT NOT NULL CHECK (colour IN ('red', 'orange', 'yellow', 'blue')),
  previous_colour TEXT,
  reason TEXT NOT NULL,
  risk_types TEXT NOT NULL DEFAULT '[]',
  source TEXT NOT NULL,                    -- assessment / …
  source_id TEXT,
  row_version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  deleted_at TEXT
) STRICT;
CREATE INDEX household_grades_household ON household_grades(household_id, graded_on);

-- 人员名册 filters.
CREATE INDEX members_school ON members(school_stage, school_year_confirmed);
CREATE INDEX members_birth ON members(birth_date);
CREATE INDEX members_phone ON members(phone);
