-- A person's language and time zone (issue 16): null means "not chosen" — the browser's Accept-Language and time zone decide.
ALTER TABLE "users" ADD COLUMN "locale" VARCHAR(8);
ALTER TABLE "users" ADD COLUMN "time_zone" VARCHAR(64);
