-- 0006: procedures — 线索, 识别纳入 / 风险消除 cases, 民主评议 meetings with signatures, 公示 and 异议
-- (DOMAIN §5). Records that travel to the county carry id (UUIDv7) / row_version / updated_* / deleted_at.
-- A case's and a lead's state is the plain JSON of shared/domain/workflow (the source of truth); the
-- columns beside it are denormalised from it by the repo so worklists filter and sort in SQL.

CREATE TABLE leads (
  id TEXT PRIMARY KEY,
  household_id TEXT NOT NULL REFERENCES households(id),
  village_id TEXT NOT NULL REFERENCES divisions(id),
  channel TEXT NOT NULL,                 -- profile enums.leadChannels key
  reporter TEXT NOT NULL,                -- who raised it (农户本人, 帮扶干部, 12317 转办 …)
  received_at TEXT NOT NULL,             -- UTC ISO
  summary TEXT NOT NULL,                 -- stated difficulty
  status TEXT NOT NULL CHECK (status IN ('awaitingContact', 'contacted', 'closedNotEligible', 'converted')),
  contact_due_at TEXT NOT NULL,          -- received_at + leadContactHours (UTC ISO)
  contacted_at TEXT,
  written_notice_due TEXT,               -- 不予纳入告知书 due date when the profile asks for one
  case_id TEXT,                          -- the identification case it became
  state TEXT NOT NULL,                   -- JSON Lead (shared/domain/workflow/lead.ts)
  row_version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  deleted_at TEXT
) STRICT;
CREATE INDEX leads_status_due ON leads(status, contact_due_at);
CREATE INDEX leads_household ON leads(household_id, received_at);
CREATE INDEX leads_village ON leads(village_id, received_at);

CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('identification', 'elimination')),
  household_id TEXT NOT NULL REFERENCES households(id),
  village_id TEXT NOT NULL REFERENCES divisions(id),
  lead_id TEXT REFERENCES leads(id),
  remark INTEGER NOT NULL DEFAULT 0 CHECK (remark IN (0, 1)),  -- 1 = 风险再标注 (household was 风险已消除)
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  outcome TEXT NOT NULL,                 -- domain CaseStatus: inProgress / approved / rejected / eliminated / …
  current_step TEXT,                     -- the awaiting step; NULL once closed
  mode TEXT,                             -- 风险消除方式 (elimination only)
  green_channel INTEGER NOT NULL DEFAULT 0 CHECK (green_channel IN (0, 1)),
  opened_on TEXT NOT NULL,
  closed_on TEXT,
  step_due TEXT,                         -- due date of the awaiting step (NULL = no limit)
  whole_due TEXT,                        -- whole identification procedure
  green_due TEXT,                        -- 绿色通道 completion
  next_due TEXT,                         -- earliest of the three: what the worklist sorts and colours by
  state TEXT NOT NULL,                   -- JSON CaseState (shared/domain/workflow/caseState.ts)
  row_version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  deleted_at TEXT
) STRICT;
-- A household never has two running cases of one kind (also checked by the domain, with a message).
CREATE UNIQUE INDEX cases_one_open_per_kind ON cases(household_id, kind) WHERE status = 'open' AND deleted_at IS NULL;
CREATE INDEX cases_worklist ON cases(kind, status, next_due);
CREATE INDEX cases_household ON cases(household_id, opened_on);
CREATE INDEX cases_step ON cases(current_step, next_due);

-- The case timeline, one row per history entry, so documents and reports can query it (append-only
-- in practice: the domain never rewrites history).
CREATE TABLE case_steps (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  seq INTEGER NOT NULL,
  event TEXT NOT NULL,                   -- opened / completed / sentBack / objectionsUpdated / …
  step TEXT,
  to_step TEXT,
  act_date TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,             -- display name
  note TEXT,
  data TEXT,                             -- JSON step data snapshot
  UNIQUE (case_id, seq)
) STRICT;

CREATE TABLE meetings (
  id TEXT PRIMARY KEY,
  village_id TEXT NOT NULL REFERENCES divisions(id),
  village_name TEXT NOT NULL,            -- as printed on the minutes
  meeting_date TEXT NOT NULL,
  meeting_time TEXT,
  place TEXT NOT NULL,
  host TEXT NOT NULL,
  recorder TEXT NOT NULL,
  minutes_text TEXT NOT NULL DEFAULT '', -- 会议内容 (free text), covered by the lock hash
  locked_at TEXT,                        -- when the last attendee signed
  lock_hash TEXT,                        -- sha256 of the canonical minutes at lock time
  row_version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  deleted_at TEXT
) STRICT;
CREATE INDEX meetings_village_date ON meetings(village_id, meeting_date);
CREATE INDEX meetings_date ON meetings(meeting_date);

-- Parts of a meeting (they travel inside the meeting's change_log snapshot). Replaced as a whole while
-- nobody has signed; frozen after the first signature.
CREATE TABLE meeting_attendees (
  id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  name TEXT NOT NULL,
  role TEXT NOT NULL,                    -- 村两委 / 驻村工作队 / 党员代表 / 村民小组长 / 村民代表 / 镇干部 …
  unit TEXT,
  sort_order INTEGER NOT NULL
) STRICT;
CREATE INDEX meeting_attendees_meeting ON meeting_attendees(meeting_id, sort_order);

CREATE TABLE meeting_items (
  id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  case_id TEXT NOT NULL REFERENCES cases(id),
  case_kind TEXT NOT NULL CHECK (case_kind IN ('identification', 'elimination')),
  household_id TEXT NOT NULL REFERENCES households(id),
  head_name TEXT NOT NULL,
  village_group TEXT NOT NULL,
  member_count INTEGER,
  proposal TEXT NOT NULL,                -- 拟认定类别 / 风险消除方式
  situation TEXT,
  needs TEXT,
  agree INTEGER NOT NULL CHECK (agree >= 0),
  disagree INTEGER NOT NULL CHECK (disagree >= 0),
  abstain INTEGER NOT NULL CHECK (abstain >= 0),
  outcome TEXT NOT NULL CHECK (outcome IN ('pass', 'fail')),
  sort_order INTEGER NOT NULL
) STRICT;
CREATE INDEX meeting_items_meeting ON meeting_items(meeting_id, sort_order);
CREATE INDEX meeting_items_case ON meeting_items(case_id);

-- 补充说明 (addenda) to locked minutes: dated corrections with their own signers.
CREATE TABLE meeting_addenda (
  id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  addendum_date TEXT NOT NULL,
  text TEXT NOT NULL,
  reason TEXT NOT NULL,
  corrections TEXT NOT NULL DEFAULT '[]', -- JSON ItemCorrection[]
  signer_ids TEXT NOT NULL,               -- JSON attendee ids
  created_at TEXT NOT NULL,
  created_by TEXT
) STRICT;
CREATE INDEX meeting_addenda_meeting ON meeting_addenda(meeting_id, created_at);

-- One signature of the minutes (addendum_id NULL) or of an addendum: a pad PNG (files.kind 'signature')
-- or 纸质签字 with the scan of the signed page. A withdrawn signature stays, marked.
CREATE TABLE signatures (
  id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  addendum_id TEXT REFERENCES meeting_addenda(id),
  attendee_id TEXT NOT NULL,             -- meeting_attendees.id (no FK: a withdrawn signature outlives a corrected list)
  kind TEXT NOT NULL CHECK (kind IN ('pad', 'paper')),
  file_id TEXT NOT NULL REFERENCES files(id),
  signed_at TEXT NOT NULL,
  recorded_by TEXT,
  withdrawn_at TEXT,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX signatures_meeting ON signatures(meeting_id, addendum_id, signed_at);
CREATE UNIQUE INDEX signatures_once ON signatures(meeting_id, COALESCE(addendum_id, ''), attendee_id) WHERE withdrawn_at IS NULL;

-- 公示: built from a locked meeting's passed items of one kind. entries hold ONLY 户主/村组/拟认定
-- (shared/domain/notice.ts privacy rule); case_ids (internal, same order) link each entry to its case.
CREATE TABLE notices (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('identification', 'elimination')),
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  village_id TEXT NOT NULL REFERENCES divisions(id),
  village_name TEXT NOT NULL,
  title TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  days INTEGER NOT NULL CHECK (days > 0),
  day_kind TEXT NOT NULL CHECK (day_kind IN ('calendar', 'working')),
  place TEXT NOT NULL,
  objection_contact TEXT NOT NULL,
  entries TEXT NOT NULL,                 -- JSON NoticeEntry[]
  case_ids TEXT NOT NULL,                -- JSON string[]
  row_version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  deleted_at TEXT
) STRICT;
CREATE UNIQUE INDEX notices_one_per_meeting_kind ON notices(meeting_id, kind) WHERE deleted_at IS NULL;
CREATE INDEX notices_end ON notices(end_date);
CREATE INDEX notices_village ON notices(village_id, start_date);

-- 异议 raised during a 公示 about one listed household, and how it was investigated and resolved.
CREATE TABLE objections (
  id TEXT PRIMARY KEY,
  notice_id TEXT NOT NULL REFERENCES notices(id),
  case_id TEXT NOT NULL REFERENCES cases(id),
  raised_on TEXT NOT NULL,
  content TEXT NOT NULL,
  raised_by TEXT,                        -- internal only, never posted
  investigation TEXT,
  result TEXT,
  resolved INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1)),
  resolved_on TEXT,
  row_version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  deleted_at TEXT
) STRICT;
CREATE INDEX objections_notice ON objections(notice_id, created_at);
CREATE INDEX objections_case ON objections(case_id, created_at);
