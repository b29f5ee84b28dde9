-- The case's value (ADR 0027): the total estimated cost of the LOA document in force, or of the basic LOA before one is
-- accepted, as the app last priced it (src/server/loa/case-value.ts keeps it in the transaction of every change to a
-- document). Lists sort by it and dashboards sum it without pricing 100,000 LOAs per request. Null: no LOA priced yet.
-- Cases migrated from before this column start null; `npm run db:refresh-values` prices them once.
ALTER TABLE "cases" ADD COLUMN "value" DECIMAL(18,2);

-- Sorting by value (largest first, cases without a price last) with a stable tie-break, overall and per country.
-- Declared here rather than in schema.prisma, which cannot say NULLS LAST.
CREATE INDEX "cases_value_idx" ON "cases" ("value" DESC NULLS LAST, "id");
CREATE INDEX "cases_country_value_idx" ON "cases" ("country_id", "value" DESC NULLS LAST, "id");
-- The other sortable columns of the case list: type and target date, with the same tie-break.
CREATE INDEX "cases_case_type_opened_at_idx" ON "cases" ("case_type", "opened_at" DESC);

-- Days from the complete letter (the case opens then) to the offer: the LOA development standard's measure
-- (fms-domain.md §9), GENERATED so the dashboard's distribution and its drill-down filter read one column.
ALTER TABLE "cases" ADD COLUMN "lor_to_offer_days" INTEGER
  GENERATED ALWAYS AS (floor(extract(epoch FROM ("offered_at" - "opened_at")) / 86400)::integer) STORED;
CREATE INDEX "cases_offered_at_idx" ON "cases" ("offered_at") WHERE "offered_at" IS NOT NULL;

-- The person answerable for each office's queue (the bottleneck view names them): one row per inbox key, set by an
-- administrator and audited.
CREATE TABLE "office_accountables" (
  "inbox" VARCHAR(80) NOT NULL,
  "user_id" UUID NOT NULL,
  "assigned_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "assigned_by_id" UUID,
  CONSTRAINT "office_accountables_pkey" PRIMARY KEY ("inbox"),
  CONSTRAINT "office_accountables_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "office_accountables_assigned_by_id_fkey" FOREIGN KEY ("assigned_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
