-- Predicted dates (issue 18 item 2): how long each step towards the offer took per implementing agency over the last
-- 12 months, as medians a refresh job computes (src/server/insight/step-duration-stats.ts). A prediction then reads
-- one agency's rows through the primary key instead of taking medians over audit history on every page view.
CREATE TABLE "step_duration_stats" (
    "agency_id" UUID NOT NULL,
    "step" VARCHAR(40) NOT NULL,
    "sample_size" INTEGER NOT NULL,
    "median_calendar_ms" BIGINT NOT NULL,
    "median_business_ms" BIGINT NOT NULL,
    "window_from" TIMESTAMPTZ(3) NOT NULL,
    "window_to" TIMESTAMPTZ(3) NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "step_duration_stats_pkey" PRIMARY KEY ("agency_id","step")
);

-- Business time between two instants in milliseconds, counted exactly as businessTimeBetween in src/domain/sla.ts
-- (no holiday list: the app passes none): each whole day after the start whose same-time instant lands on a weekday
-- adds a day, and the day in progress adds its elapsed part if it too lands on a weekday. Closed form, no loop: the job
-- calls it for every past step. Weekday of UTC day number d: (d + 4) mod 7, 0 = Sunday (1970-01-01 was a Thursday).
CREATE FUNCTION caseway_business_ms(started TIMESTAMPTZ, ended TIMESTAMPTZ) RETURNS BIGINT
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  day_ms CONSTANT BIGINT := 86400000;
  f BIGINT := floor(extract(epoch FROM started) * 1000)::bigint;
  total BIGINT := floor(extract(epoch FROM ended) * 1000)::bigint - floor(extract(epoch FROM started) * 1000)::bigint;
  whole BIGINT;
  rest INT;
  w0 INT;
  landings BIGINT;
BEGIN
  IF total <= 0 THEN RETURN 0; END IF;
  whole := total / day_ms;
  rest := (whole % 7)::int;
  w0 := ((floor(f::numeric / day_ms)::bigint + 4) % 7)::int;
  -- Whole weeks hold five weekdays; of the `rest` days after them (weekdays w0+1 … w0+rest), drop Saturday and Sunday.
  landings := (whole / 7) * 5 + rest
    - CASE WHEN (12 - w0) % 7 < rest THEN 1 ELSE 0 END
    - CASE WHEN (6 - w0) % 7 < rest THEN 1 ELSE 0 END;
  RETURN landings * day_ms
    + CASE WHEN ((floor(f::numeric / day_ms)::bigint + whole + 1 + 4) % 7) NOT IN (0, 6) THEN total - whole * day_ms ELSE 0 END;
END
$$;
