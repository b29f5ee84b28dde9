-- Case search (issue 11): one text column per case holding its identifier and the subjects of its letters of request,
-- kept by triggers whatever writes cases or letters (the app, bulk loaders, the seeds), and a trigram index, so a
-- "contains" search is one index scan instead of an OR across two tables. Issue 18's full-text search builds on it.
ALTER TABLE "cases" ADD COLUMN "search_text" TEXT NOT NULL DEFAULT '';

CREATE FUNCTION case_search_text(case_id uuid, identifier text) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT identifier || coalesce(' ' || string_agg(l.subject, ' ' ORDER BY l.created_at), '')
    FROM letters_of_request l
   WHERE l.case_id = case_search_text.case_id AND l.subject IS NOT NULL
$$;

CREATE FUNCTION cases_search_text_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_text := case_search_text(NEW.id, NEW.identifier);
  RETURN NEW;
END
$$;

CREATE TRIGGER cases_search_text BEFORE INSERT OR UPDATE OF identifier ON "cases"
  FOR EACH ROW EXECUTE FUNCTION cases_search_text_trigger();

CREATE FUNCTION letters_case_search_text_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.case_id IS NOT NULL AND (TG_OP = 'DELETE' OR OLD.case_id IS DISTINCT FROM NEW.case_id) THEN
    UPDATE "cases" SET search_text = case_search_text(id, identifier) WHERE id = OLD.case_id;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.case_id IS NOT NULL THEN
    UPDATE "cases" SET search_text = case_search_text(id, identifier) WHERE id = NEW.case_id;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER letters_case_search_text AFTER INSERT OR DELETE OR UPDATE OF case_id, subject ON "letters_of_request"
  FOR EACH ROW EXECUTE FUNCTION letters_case_search_text_trigger();

UPDATE "cases" SET search_text = case_search_text(id, identifier);

-- CreateIndex
CREATE INDEX "cases_search_text_trgm_idx" ON "cases" USING GIN ("search_text" gin_trgm_ops);
