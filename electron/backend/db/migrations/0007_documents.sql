-- 0007: documents — county .docx templates (模板管理). The template bytes are a row of `files`
-- (kind 'template'); this row names it, says which standard form it replaces and what it binds to.
-- Travels to the county (id/row_version/updated_*/deleted_at), so a county layout can be shared.
CREATE TABLE document_templates (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  form_key TEXT NOT NULL,                -- registry.ts FormKey: intake, approval, publicNotice …
  file_id TEXT NOT NULL REFERENCES files(id),
  placeholders TEXT NOT NULL DEFAULT '[]', -- JSON: tag names found when it was checked
  row_version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  deleted_at TEXT
) STRICT;
CREATE INDEX document_templates_form ON document_templates(form_key, created_at);
