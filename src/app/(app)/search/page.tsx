import type { Metadata } from "next";
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

export const metadata: Metadata = { title: "Search" };

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requireActor();
  const params = await searchParams;
  return (
    <div>
      <PageHeader
        title="Search"
        lead="Words from case identifiers, letters of request, LOA lines (MASL number and description) and LOA documents you can see. Use quotes for a phrase and a minus sign to leave a word out."
      />
      <FilterForm label="Search everything">
        <FilterInput name="q" label="Search for" defaultValue={params.q} />
      </FilterForm>
      {params.q !== undefined && (
        <Suspense fallback={<LoadingResults noun="results" />}>
          <Results actor={actor} params={params} />
        </Suspense>
      )}
    </div>
  );
}

async function Results({ actor, params }: { actor: Actor; params: Record<string, string> }) {
  const { result, problem } = await forFilteredPage(() => searchEverything(actor, params));
  return (
    <>
      {problem && (
        <Alert type="error" title="Check your search" testId="search-error">
          {Object.values(problem).join(". ")}
        </Alert>
      )}
      {result && <SearchResultsView results={result} />}
    </>
  );
}
