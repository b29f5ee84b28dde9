import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { Alert } from "@/components/ui/alert";
import { Tag } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { FilterForm, FilterInput, FilterSelect } from "@/components/ui/filter-form";
import { requireActor } from "@/server/auth/actor";
import { listAuditEvents } from "@/server/audit-log/list-audit-events";
import { forFilteredPage } from "@/server/page-guard";
import { getTranslations } from "next-intl/server";
import { getFormats } from "@/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AuditLog");
  return { title: t("title") };
}

/** The event filter's choices: the stored action (or its prefix) and the message naming it. */
const ACTIONS = [
  ["auth.sign_in", "signIn"],
  ["auth.sign_out", "signOut"],
  ["user.", "users"],
  ["api_token.", "apiTokens"],
  ["reference.", "reference"],
  ["lor.", "letters"],
  ["case.", "cases"],
  ["access.refused", "refused"],
] as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const { result, problem } = await forFilteredPage(() => listAuditEvents(actor, params));
  const t = await getTranslations("AuditLog");
  const f = await getFormats();
  return (
    <div>
      <PageHeader
        title={t("title")}
        lead={t("lead")}
      />
      <FilterForm label={t("filterLabel")} submitLabel={t("filterSubmit")}>
        <FilterSelect name="action" label={t("filterEvent")} defaultValue={params.action}>
          <option value="">{t("allEvents")}</option>
          {ACTIONS.map(([value, key]) => (
            <option key={value} value={value}>
              {t(`action.${key}`)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect name="outcome" label={t("filterOutcome")} defaultValue={params.outcome}>
          <option value="">{t("anyOutcome")}</option>
          <option value="SUCCESS">{t("outcome.SUCCESS")}</option>
          <option value="FAILURE">{t("outcome.FAILURE")}</option>
          <option value="DENIED">{t("outcome.DENIED")}</option>
        </FilterSelect>
        <FilterInput name="actor" label={t("filterActor")} defaultValue={params.actor} />
        <FilterInput name="from" label={t("filterFrom")} type="date" defaultValue={params.from} />
        <FilterInput name="to" label={t("filterTo")} type="date" defaultValue={params.to} />
      </FilterForm>
      {problem && (
        <Alert type="error" title={t("filterProblem")} testId="audit-filter-error">
          {Object.values(problem).join(". ")}
        </Alert>
      )}
      {result && (
        <>
          <DataTable
            caption={t("caption")}
            columns={[t("colWhen"), t("colEvent"), t("colWho"), t("colOutcome"), t("colTarget"), t("colFrom"), t("colDetails")]}
            count={result.total}
            more={result.more}
            noun={[t("nounOne"), t("nounOther")]}
            emptyMessage={t("empty")}
            testId="audit-table"
          >
                {result.items.map((e) => (
                  <tr key={e.id} className="border-t border-base-lighter align-top" data-testid="audit-row">
                    <td className="whitespace-nowrap px-3 py-2">{f.dateTime(e.occurredAt)}</td>
                    <td className="px-3 py-2 font-mono">{e.action}</td>
                    <td className="px-3 py-2">
                      {e.actorEmail ?? "—"}
                      {e.actorRole && <span className="block text-xs text-base-dark">{e.actorRole}</span>}
                    </td>
                    <td className="px-3 py-2">
                      <Tag tone={e.outcome === "SUCCESS" ? "success" : e.outcome === "DENIED" ? "warning" : "error"}>{e.outcome}</Tag>
                    </td>
                    <td className="px-3 py-2 text-xs">{e.targetType ? `${e.targetType} ${e.targetId?.slice(0, 8)}` : "—"}</td>
                    <td className="px-3 py-2 text-xs">
                      {e.ip ?? "—"}
                      <span className="block text-base-dark" title={t("requestId")}>{e.requestId?.slice(0, 8)}</span>
                    </td>
                    <td className="max-w-xs px-3 py-2">
                      {e.details ? (
                        <details>
                          <summary className="cursor-pointer text-primary">{t("show")}</summary>
                          <pre className="mt-1 whitespace-pre-wrap break-all text-xs">{JSON.stringify(e.details, null, 2)}</pre>
                        </details>
                      ) : (
                        "—"
                      )}
                    </td>
                  </tr>
                ))}
          </DataTable>
          <Pagination page={result.page} pageSize={result.pageSize} total={result.total} params={params} basePath="/audit" />
          {result.more && (
            <p className="mt-2 text-sm text-base-dark" data-testid="audit-more">
              {t("moreHint", { count: result.total })}
            </p>
          )}
        </>
      )}
    </div>
  );
}
