-- 0003_imports.sql: staged roster imports (reliability-bar X-03). A preview parses and checks the whole
-- file into these tables; a commit writes the staged households through households.save in one
-- transaction after a backup. Import jobs are office bookkeeping: they do not travel to the county.
CREATE TABLE import_jobs (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL DEFAULT 'roster',
  file_id TEXT NOT NULL REFERENCES files(id),
  file_name TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('previewed', 'committed', 'cancelled', 'failed')),
  header TEXT NOT NULL DEFAULT '{}',   -- JSON: detected header rows and columns
  mapping TEXT NOT NULL DEFAULT '[]',  -- JSON: [{column, field}]
  options TEXT NOT NULL DEFAULT '{}',  -- JSON: createDivisions, defaultVillageId, …
  counts TEXT NOT NULL DEFAULT '{}',   -- JSON: rows, households and members by action, problems
  result TEXT,                         -- JSON: what the commit wrote
  backup_file TEXT,                    -- name of the pre-import backup under <dataDir>/backups
  report_file_id TEXT REFERENCES files(id),
  message TEXT,                        -- why a commit failed (Chinese)
  row_version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  committed_at TEXT
) STRICT;
CREATE INDEX import_jobs_sha ON import_jobs(file_sha256, status);
CREATE INDEX import_jobs_created ON import_jobs(created_at);

-- One staged household per row: what households.save will receive (JSON), deleted once the job ends.
CREATE TABLE import_households (
  job_id TEXT NOT NULL REFERENCES import_jobs(id),
  seq INTEGER NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('create', 'update', 'unchanged', 'rejected')),
  household_id TEXT,
  first_row INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (job_id, seq)
) STRICT;

-- Every problem found, kept after the commit for the downloadable report.
CREATE TABLE import_problems (
  job_id TEXT NOT NULL REFERENCES import_jobs(id),
  seq INTEGER NOT NULL,
  row_no INTEGER NOT NULL,
  col TEXT NOT NULL,
  header TEXT NOT NULL,
  message TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('error', 'warning')),
  PRIMARY KEY (job_id, seq)
) STRICT;

-- A bulk import saves thousands of households through households.save, whose division check counts the
-- households of a village OR group; without this index the group half of that OR scans the whole table
-- for every household saved (quadratic: ~20 s of a 10,000-household import).
CREATE INDEX households_group ON households(group_id);
