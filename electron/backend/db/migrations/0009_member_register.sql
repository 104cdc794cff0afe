-- 0009: the 人员名册 (members.list, repos/memberList.ts) at county scale (1M members), chosen from
-- EXPLAIN QUERY PLAN on the bench county and locked by test/integration/query-plans.test.ts. As in 0008,
-- the app never runs ANALYZE: each index matches a whole filter or order.
--
-- Before, every block of the register sorted all 1M members (SCAN m + TEMP B-TREE, ~1 s) and every count
-- looked up 1M households by text id (~3.5 s): opening the register cost ~5 s. Now:
--  * the register order (village, 户主 pinyin, household, member order) is read in order by a loop
--    divisions_order → households_village_order (0001) → members_household_cover, so a block reads about its
--    own rows (the first block's rows ~2.5 ms, a block at row 10,000 ~15 ms);
--  * the count reads one narrow index of members; a household's liveness is checked against the few deleted
--    households (households_deleted) instead of 1M household look-ups (~40 ms for the whole county);
--  * each quick filter (健康状况, 劳动技能, 学段/年级未确认, 年龄, 低保/特困) counts index-only, and a rare
--    one (年级未确认 may match no one) is read from its index and sorted instead of walking the county;
--
-- Replaced member indexes keep their leading columns, so every other lookup keeps its index; dropped, not
-- kept beside their successor (each 1M-entry index ~12–85 MB and one more b-tree write per member insert).
-- Measured on the bench county (bench/probes/members-migration.ts, members-insert-cost.ts): this migration
-- takes ~4–5 s on 1M members and grows the file ~86 MB (920 → 1,010 MB); a roster import of 12k households /
-- 40k members inserts ~2–5% slower, within run-to-run noise (members_health and members_labour are the only
-- new full b-trees; welfare is partial; the others replace an index).

-- divisions (≈2,000 rows, rarely written) -------------------------------------------------------------------
-- The register order's outer loop: villages in the division list's order (sort_order, name; rowid breaks ties).
CREATE INDEX divisions_order ON divisions(sort_order, name);

-- households --------------------------------------------------------------------------------------------------
-- Tombstoned households only: empty in practice, so it costs a household write nothing but the WHERE test.
-- A member query without a household filter excludes members of deleted households by these ids.
CREATE INDEX households_deleted ON households(id) WHERE deleted_at IS NOT NULL;

-- members -----------------------------------------------------------------------------------------------------
-- The register loop's inner step and a household's members: (household, member order, id) is the order's
-- tail, deleted_at/left_at let the loop skip former members without reading their 40-column rows.
DROP INDEX members_household;          -- (household_id, sort_order) → members_household_cover
CREATE INDEX members_household_cover ON members(household_id, sort_order, id, deleted_at, left_at);

-- 年龄 filters (birth-date bounds) and the 年龄/出生日期 sorts; index-only counts of 60 岁及以上 (250k people).
DROP INDEX members_birth;              -- (birth_date) → members_birth_cover
CREATE INDEX members_birth_cover ON members(birth_date, deleted_at, left_at);

-- 学段 (incl. 不在校 = NULL) and 年级未确认 (school_stage >= '' AND confirmed year).
DROP INDEX members_school;             -- (school_stage, school_year_confirmed) → members_school_cover
CREATE INDEX members_school_cover ON members(school_stage, school_year_confirmed, deleted_at, left_at);

-- 健康状况 (残疾, 患有大病: quick filters) and 劳动技能: index-only counts, and a rare value's members.
-- Not (column, id): that would also serve sorting the whole county by these columns (~0.35 s → ~2 ms) but
-- costs ~37 MB more per index; sorted within a village they are quick either way.
CREATE INDEX members_health ON members(health, deleted_at, left_at);
CREATE INDEX members_labour ON members(labour_skill, deleted_at, left_at);

-- 低保 / 特困: a few percent of people, so a partial index; the repo writes `dibao = 1` as a literal to match it.
CREATE INDEX members_welfare ON members(dibao, tekun, deleted_at, left_at) WHERE dibao = 1 OR tekun = 1;
