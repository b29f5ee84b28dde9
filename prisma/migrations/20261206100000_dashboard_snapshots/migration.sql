-- The DSCA dashboard within p95 < 300 ms at 100,000 cases (issue 18 item 6): a job computes the unfiltered all-cases
-- dashboard's figures every minute into this table (src/server/insight/dashboard-snapshot.ts), and the page reads them
-- by primary key while they are under 2 minutes old instead of grouping every case on each view.
CREATE TABLE "dashboard_snapshots" (
    "scope_key" TEXT NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL,
    "figures" JSONB NOT NULL,

    CONSTRAINT "dashboard_snapshots_pkey" PRIMARY KEY ("scope_key")
);
