import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Pagination } from "@/components/pagination";
import { SEARCH_KINDS, type SearchKind, type SearchResults } from "@/domain/schemas/search";
import { getLabels } from "@/i18n/labels";
import { getFormats } from "@/i18n/server";
import { Highlighted } from "./highlighted";

/** Results of one search: a tab per kind with its count, then the chosen kind's ranked, highlighted page. */
export async function SearchResultsView({ results }: { results: SearchResults }) {
  const [t, f, label] = await Promise.all([getTranslations("SearchResults"), getFormats(), getLabels()]);
  const countText = ({ count, more }: { count: number; more: boolean }) => (more ? `${f.number(count)}+` : f.number(count));
  const { q, kind, counts, items } = results;
  const nothing = SEARCH_KINDS.every((k) => counts[k].count === 0);
  if (nothing) {
    return (
      <div className="rounded border border-base-lighter bg-white p-4" data-testid="search-empty">
        <h2 className="text-xl font-bold">{t("nothingTitle", { q })}</h2>
        <p className="mt-2">{t.rich("nothingBody", { mono: (chunks) => <span className="font-mono">{chunks}</span> })}</p>
      </div>
    );
  }
  const href = (k: SearchKind) => `/search?${new URLSearchParams({ q, kind: k })}`;
  const one = t(`nouns.${kind}.one`);
  const many = t(`nouns.${kind}.many`);
  return (
    <div>
      <nav aria-label={t("kindsLabel")} className="mb-4 border-b-2 border-base-lighter">
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
                {label("searchKind", k)} <span className="rounded-full bg-base-lightest px-2 text-sm text-ink">{countText(counts[k])}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2 className="sr-only">{label("searchKind", kind)}</h2>
      {items.length === 0 ? (
        <p data-testid="search-kind-empty">{t("kindEmpty", { many, q })}</p>
      ) : (
        <>
          <p className="mb-3 text-base-dark" data-testid="search-count">
            {results.more ? t("countMore", { total: results.total, many }) : t("count", { total: results.total, one, many })}
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
