import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { PageHeader } from "@/components/page-header";
import { SearchResultsView } from "@/components/search/search-results";
import { Alert } from "@/components/ui/alert";
import { LoadingResults } from "@/components/ui/data-table";
import { FilterForm, FilterInput } from "@/components/ui/filter-form";
import type { Actor } from "@/domain/policy";
import { requireActor } from "@/server/auth/actor";
import { searchEverything } from "@/server/full-text-search/search-everything";
import { forFilteredPage } from "@/server/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("SearchPage");
  return { title: t("title") };
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const t = await getTranslations("SearchPage");
  return (
    <div>
      <PageHeader
        title={t("title")}
        lead={t("lead")}
      />
      <FilterForm label={t("formLabel")}>
        <FilterInput name="q" label={t("inputLabel")} defaultValue={params.q} />
      </FilterForm>
      {params.q !== undefined && (
        <Suspense fallback={<LoadingResults noun={t("loadingNoun")} />}>
          <Results actor={actor} params={params} />
        </Suspense>
      )}
    </div>
  );
}

async function Results({ actor, params }: { actor: Actor; params: Record<string, string> }) {
  const { result, problem } = await forFilteredPage(() => searchEverything(actor, params));
  const t = await getTranslations("SearchPage");
  return (
    <>
      {problem && (
        <Alert type="error" title={t("problem")} testId="search-error">
          {Object.values(problem).join(". ")}
        </Alert>
      )}
      {result && <SearchResultsView results={result} />}
    </>
  );
}
