import Link from "next/link";
import { Pagination } from "@/components/pagination";
import { SEARCH_KINDS, SEARCH_KIND_LABELS, type SearchKind, type SearchResults } from "@/domain/schemas/search";
import { Highlighted } from "./highlighted";

const countText = ({ count, more }: { count: number; more: boolean }) => (more ? `${count.toLocaleString("en-US")}+` : count.toLocaleString("en-US"));

const NOUNS: Record<SearchKind, [string, string]> = {
  cases: ["case", "cases"],
  letters: ["letter of request", "letters of request"],
  lines: ["LOA line", "LOA lines"],
  documents: ["LOA document", "LOA documents"],
};

/** Results of one search: a tab per kind with its count, then the chosen kind's ranked, highlighted page. */
export function SearchResultsView({ results }: { results: SearchResults }) {
  const { q, kind, counts, items } = results;
  const nothing = SEARCH_KINDS.every((k) => counts[k].count === 0);
  if (nothing) {
    return (
      <div className="rounded border border-base-lighter bg-white p-4" data-testid="search-empty">
        <h2 className="text-xl font-bold">Nothing matches “{q}”</h2>
        <p className="mt-2">
          No case, letter of request, LOA line or LOA document that you can see contains these words. Try fewer or different words, a whole case
          identifier (country, agency and designator, like <span className="font-mono">CC-I-DDD</span>), or a MASL number.
        </p>
      </div>
    );
  }
  const href = (k: SearchKind) => `/search?${new URLSearchParams({ q, kind: k })}`;
  const [one, many] = NOUNS[kind];
  return (
    <div>
      <nav aria-label="Result kinds" className="mb-4 border-b-2 border-base-lighter">
        <ul className="flex flex-wrap gap-1">
          {SEARCH_KINDS.map((k) => (
            <li key={k}>
              <Link
                href={href(k)}
                aria-current={k === kind ? "page" : undefined}
                data-testid={`search-tab-${k}`}
                className={
                  k === kind
                    ? "-mb-0.5 block border-b-4 border-primary px-3 py-2 font-bold text-primary-darker no-underline"
                    : "block px-3 py-2 text-primary no-underline hover:bg-primary-lighter"
                }
              >
                {SEARCH_KIND_LABELS[k]} <span className="rounded-full bg-base-lightest px-2 text-sm text-ink">{countText(counts[k])}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2 className="sr-only">{SEARCH_KIND_LABELS[kind]}</h2>
      {items.length === 0 ? (
        <p data-testid="search-kind-empty">No {many} match “{q}”. The other tabs may have results.</p>
      ) : (
        <>
          <p className="mb-3 text-base-dark" data-testid="search-count">
            {results.more
              ? `More than ${results.total.toLocaleString("en-US")} ${many} match, best first.`
              : `${results.total.toLocaleString("en-US")} ${results.total === 1 ? one : many} ${results.total === 1 ? "matches" : "match"}, best first.`}
          </p>
          <ol className="space-y-3" data-testid="search-results">
            {items.map((hit) => (
              <li key={hit.id} className="rounded border border-base-lighter bg-white p-3" data-testid="search-result">
                <Link href={hit.href} className="text-lg font-bold">
                  {hit.title}
                </Link>
                <p className="text-sm text-base-dark">{hit.subtitle}</p>
                {hit.snippet && (
                  <p className="mt-1" data-testid="search-snippet">
                    <Highlighted snippet={hit.snippet} />
                  </p>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      <Pagination page={results.page} pageSize={results.pageSize} total={results.total} params={{ q, kind }} basePath="/search" />
    </div>
  );
}
