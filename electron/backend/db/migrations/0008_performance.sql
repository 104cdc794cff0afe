-- 0008: register indexes for a county install (300k households / 1M people), chosen from
-- EXPLAIN QUERY PLAN on the bench county (bench/, npm run bench) and locked by
-- test/integration/query-plans.test.ts. They must give good plans WITHOUT sqlite_stat1: the app
-- never runs ANALYZE, so the planner cannot know that a village holds 0.3% of households and a
-- colour 25%; an index that matches the whole filter is the only reliable way.
--
-- Shapes follow repos/householdQuery.ts: every register query has `h.deleted_at IS NULL`, and the
-- default order is head_pinyin, head_name, id (householdOrderBy). 0001's *_order indexes already
-- serve that order; what they could not do at county scale:
--  * count(*) of a broad filter (all 75k blue households, or the whole register for the page
--    total) had to read every matching table row just to test deleted_at: 0.25–0.35 s. A PARTIAL
--    index (WHERE deleted_at IS NULL) holds only live rows, so the count is index-only (~15 ms).
--  * 村 + 颜色 (the headline filter) matched two single-column-equality indexes equally well; the
--    planner picked colour and walked every blue household of the county (0.33 s + 0.65 s count).
--
-- households_village_order, households_order, households_name and households_group stay
-- NON-partial on purpose: SQLite's OR optimisation (the search box: head OR any member; divisions'
-- `village_id = d.id OR group_id = d.id`) cannot use a partial index for an OR branch.
-- Replaced indexes are dropped, not kept beside their successor: each index on households costs
-- every save and ~20 MB at county scale; each one on members ~35 MB.

-- households ------------------------------------------------------------------------------------
DROP INDEX households_colour_order;   -- (colour, head_pinyin, head_name) → households_live_colour
DROP INDEX households_type_order;     -- → households_live_type
DROP INDEX households_status_order;   -- → households_live_status

CREATE INDEX households_live_village_colour ON households(village_id, colour, head_pinyin, head_name, id) WHERE deleted_at IS NULL;
CREATE INDEX households_live_colour ON households(colour, head_pinyin, head_name, id) WHERE deleted_at IS NULL;
CREATE INDEX households_live_status ON households(status, head_pinyin, head_name, id) WHERE deleted_at IS NULL;
CREATE INDEX households_live_type ON households(household_type, head_pinyin, head_name, id) WHERE deleted_at IS NULL;
CREATE INDEX households_live_category ON households(category, head_pinyin, head_name, id) WHERE deleted_at IS NULL;

-- members ---------------------------------------------------------------------------------------
-- The search box's member branch (`h.id IN (SELECT household_id FROM members WHERE <prefix> AND
-- deleted_at IS NULL [AND left_at IS NULL])`) reads only these columns, so it never touches the
-- 40-column member row: a surname search reads ~25k index entries instead of ~25k rows.
-- Same leading column as the index each replaces, so every existing lookup keeps its index.
DROP INDEX members_id_number;          -- (id_number) → members_id_number_cover
DROP INDEX members_name;               -- (name) → members_name_cover
DROP INDEX members_pinyin;             -- (pinyin) → members_pinyin_cover
CREATE INDEX members_id_number_cover ON members(id_number, deleted_at, household_id);
CREATE INDEX members_name_cover ON members(name, deleted_at, left_at, household_id);
CREATE INDEX members_pinyin_cover ON members(pinyin, deleted_at, left_at, household_id);

-- stats.summary (dashboard: households and people by village × 户类型 × colour × 类别 × status) and
-- the per-division household counts of divisions.list, each in ONE index-only pass in index order
-- (repos/stats.ts). Reading the 300k table rows instead takes ~1 s; one correlated count per
-- division (2,000 divisions) ~0.9 s even with the indexes above.
CREATE INDEX households_live_stats ON households(village_id, group_id, household_type, colour, category, status, member_count) WHERE deleted_at IS NULL;

-- 季度风险评估表 (exports.quarterly): the households graded in a quarter. Lets documentsReports'
-- householdsGradedIn drive from the quarter's grades (`h.id IN (SELECT household_id FROM
-- household_grades WHERE graded_on BETWEEN …)`) instead of probing every household of the county.
CREATE INDEX household_grades_graded_on ON household_grades(graded_on, household_id) WHERE deleted_at IS NULL;
