import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ComparisonTable, KIND_TONES } from "@/components/loa/comparison-table";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Tag } from "@/components/ui/card";
import { Field, Select } from "@/components/ui/form";
import { Section } from "@/components/ui/section";
import { can } from "@/domain/policy";
import type { DocumentComparisonView } from "@/domain/schemas/loa";
import { getLabels } from "@/i18n/labels";
import { getFormats } from "@/i18n/server";
import type { Formats } from "@/lib/format";
import { requireActor } from "@/server/auth/actor";
import { compareDocuments } from "@/server/loa/compare-documents";
import { listDocuments } from "@/server/loa/list-documents";
import { forFilteredPage, forPage } from "@/server/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ComparePage");
  return { title: t("title") };
}

const COST_ROWS: (keyof DocumentComparisonView["costSummary"])[] = [
  "netEstimatedCost",
  "packingCratingHandling",
  "administrativeSurcharge",
  "transportation",
  "totalEstimatedCost",
];

/** A difference with its sign ("+$1,000.00", "-$5.00"), or "No change" for zero. */
const signedUsd = (f: Formats, noChange: string, amount: string) =>
  /^-?0\.00$/.test(amount) ? noChange : amount.startsWith("-") ? f.usd(amount) : `+${f.usd(amount)}`;

export default async function CompareDocumentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const { id } = await params;
  const query = await searchParams;
  const chosen = { from: typeof query.from === "string" ? query.from : undefined, to: typeof query.to === "string" ? query.to : undefined };
  // The list first: it answers 404 for another country's case before the query is looked at.
  const documents = await forPage(() => listDocuments(actor, id));
  const { result: comparison, problem } = await forFilteredPage(() => compareDocuments(actor, id, chosen));
  const internals = can(actor, "viewLoaInternals");
  const [t, label] = await Promise.all([getTranslations("ComparePage"), getLabels()]);

  const versionOptions = documents.map((doc) => (
    <option key={doc.number} value={doc.number}>
      {t("versionOption", { name: doc.name, status: label("documentStatus", doc.status).toLowerCase() })}
    </option>
  ));
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href={`/cases/${id}`}>{comparison ? t("backToCase", { identifier: comparison.caseIdentifier }) : t("backToTheCase")}</Link>
      </p>
      <PageHeader
        title={t("title")}
        lead={t("lead")}
      />

      <form method="get" className="mb-6 flex flex-wrap items-end gap-x-4 rounded border border-base-lighter bg-white p-4" data-testid="compare-form">
        <Field id="from" label={t("from")} error={problem?.from}>
          <Select id="from" name="from" defaultValue={String(comparison?.from.number ?? chosen.from ?? "")} error={problem?.from}>
            {versionOptions}
          </Select>
        </Field>
        <Field id="to" label={t("to")} error={problem?.to}>
          <Select id="to" name="to" defaultValue={String(comparison?.to.number ?? chosen.to ?? "")} error={problem?.to}>
            {versionOptions}
          </Select>
        </Field>
        <div className="mb-5">
          <Button type="submit">{t("compare")}</Button>
        </div>
      </form>

      {documents.length < 2 && (
        <Alert type="info" title={t("singleVersionTitle")} testId="single-version">
          {t("singleVersionText")}
        </Alert>
      )}
      {comparison && documents.length >= 2 && <Comparison comparison={comparison} caseId={id} internals={internals} />}
    </div>
  );
}

async function Comparison({ comparison, caseId, internals }: { comparison: DocumentComparisonView; caseId: string; internals: boolean }) {
  const [t, label, f] = await Promise.all([getTranslations("ComparePage"), getLabels(), getFormats()]);
  const { from, to, costSummary, notification } = comparison;
  const total = costSummary.totalEstimatedCost;
  const pricedOn = (side: typeof from) => t(side.pricedOn ? "pricedOn" : "pricedAtRatesOf", { date: f.date(side.pricedOnUsed) });
  const signed = (amount: string) => signedUsd(f, t("noChange"), amount);
  return (
    <div className="grid min-w-0 grid-cols-1 gap-6">
      <Section id="compare-summary" title={t("summarySection")} testId="compare-summary">
        <p className="mb-3 text-sm text-base-dark">
          {t.rich("fromTo", {
            fromName: from.name,
            fromStatus: label("documentStatus", from.status).toLowerCase(),
            fromPriced: pricedOn(from),
            toName: to.name,
            toStatus: label("documentStatus", to.status).toLowerCase(),
            toPriced: pricedOn(to),
            from: (chunks) => <Link href={`/cases/${caseId}/documents/${from.number}`}>{chunks}</Link>,
            to: (chunks) => <Link href={`/cases/${caseId}/documents/${to.number}`}>{chunks}</Link>,
          })}
        </p>
        {from.number === to.number && (
          <p className="mb-3 font-bold" data-testid="same-version">
            {t("sameVersion")}
          </p>
        )}
        <div className="grid gap-2 text-lg" data-testid="compare-sentences">
          {comparison.summary.map((sentence) => (
            <p key={sentence}>{sentence}</p>
          ))}
        </div>
        {comparison.classification && (
          <p className="mt-3" data-testid="compare-classification">
            <span className="font-bold">{t("proposedType", { type: label("changeProposal", comparison.classification.proposal) })}</span>{" "}
            {comparison.classification.reason} <span className="text-sm text-base-dark">{t("usgOnly")}</span>
          </p>
        )}
        <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[14rem_1fr]">
          <dt className="font-bold">{t("caseValue")}</dt>
          <dd data-testid="compare-total">
            {t("valueChange", { before: f.usd(total.before), after: f.usd(total.after), difference: signed(total.difference) })}
          </dd>
          <dt className="font-bold">{t("notification")}</dt>
          <dd data-testid="compare-notification">
            {t("notificationChange", { before: notification.requiredBefore ? "yes" : "no", after: notification.requiredAfter ? "yes" : "no" })}
          </dd>
          <dt className="font-bold">{t("lines")}</dt>
          <dd data-testid="compare-counts">
            {t("counts", {
              added: comparison.counts.ADDED,
              removed: comparison.counts.REMOVED,
              changed: comparison.counts.CHANGED,
              unchanged: comparison.counts.UNCHANGED,
            })}
          </dd>
        </dl>
      </Section>

      <Section id="compare-lines" title={t("lineByLine")}>
        <ComparisonTable comparison={comparison} showKinds={internals} />
      </Section>

      {comparison.documentChanges.length > 0 && (
        <Section id="compare-document" title={t("documentChanges")} testId="compare-document-changes">
          <ul className="grid gap-2">
            {comparison.documentChanges.map((change) => (
              <li key={change.field}>
                {internals && <Tag tone={KIND_TONES[change.kind]}>{label("changeKind", change.kind)}</Tag>} {change.description}
                {change.before !== null && change.after !== null && (
                  <span className="text-base-dark">
                    {t("wasNow", { before: change.before, after: change.after })}
                  </span>
                )}
                .
              </li>
            ))}
          </ul>
        </Section>
      )}

      <div className="grid min-w-0 grid-cols-1 gap-6 lg:grid-cols-2">
        <Section id="compare-cost" title={t("costSection")}>
          <AmountTable
            caption={t("costCaption", { from: from.name, to: to.name })}
            testId="compare-cost"
            rows={COST_ROWS.map((key) => ({ key, label: t(`cost.${key}`), ...costSummary[key] }))}
            headings={{ charge: t("charge"), before: t("before"), after: t("after"), difference: t("difference") }}
            usd={f.usd}
            signed={signed}
          />
        </Section>
        <Section id="compare-threshold" title={t("thresholdSection")}>
          <p id="threshold-caption" className="mb-2 text-sm text-base-dark">
            {t("thresholdIntro")}
          </p>
          <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-labelledby="threshold-caption">
            <table className="w-full text-start text-sm" data-testid="compare-thresholds">
              <caption className="sr-only">{t("thresholdCaption")}</caption>
              <thead className="bg-base-lightest">
                <tr>
                  <th scope="col" className="px-2 py-2">{t("test")}</th>
                  <th scope="col" className="px-2 py-2 text-end">{t("threshold")}</th>
                  <th scope="col" className="px-2 py-2 text-end">{t("before")}</th>
                  <th scope="col" className="px-2 py-2 text-end">{t("after")}</th>
                </tr>
              </thead>
              <tbody>
                {notification.tests.map((test) => (
                  <tr key={test.basis} className="border-b border-base-lighter align-top" data-testid={`compare-threshold-${test.basis}`}>
                    <th scope="row" className="px-2 py-2 font-normal">
                      {label("notificationBasis", test.basis)}
                    </th>
                    <td className="whitespace-nowrap px-2 py-2 text-end font-mono tabular-nums">{f.usd(test.thresholdAfter)}</td>
                    <td className="whitespace-nowrap px-2 py-2 text-end">
                      <span className="font-mono tabular-nums">{f.usd(test.valueBefore)}</span>
                      <span className="block text-xs">{test.metBefore ? t("reached") : t("below")}</span>
                    </td>
                    <td className={`whitespace-nowrap px-2 py-2 text-end ${test.metBefore !== test.metAfter ? "bg-warning-lighter font-bold" : ""}`}>
                      <span className="font-mono tabular-nums">{f.usd(test.valueAfter)}</span>
                      <span className="block text-xs">
                        {test.metBefore !== test.metAfter ? (test.metAfter ? t("reachedNewly") : t("belowNoLonger")) : test.metAfter ? t("reached") : t("below")}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Section>
      </div>
    </div>
  );
}

function AmountTable({
  caption,
  testId,
  rows,
  headings,
  usd,
  signed,
}: {
  caption: string;
  testId: string;
  rows: { key: string; label: string; before: string | null; after: string | null; difference: string }[];
  headings: { charge: string; before: string; after: string; difference: string };
  usd: (amount: string | null) => string;
  signed: (amount: string) => string;
}) {
  return (
    <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full text-start text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-base-lightest">
          <tr>
            <th scope="col" className="px-2 py-2">{headings.charge}</th>
            <th scope="col" className="px-2 py-2 text-end">{headings.before}</th>
            <th scope="col" className="px-2 py-2 text-end">{headings.after}</th>
            <th scope="col" className="px-2 py-2 text-end">{headings.difference}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className={`border-b border-base-lighter ${row.key === "totalEstimatedCost" ? "font-bold" : ""}`} data-testid={`${testId}-${row.key}`}>
              <th scope="row" className={`px-2 py-2 ${row.key === "totalEstimatedCost" ? "" : "font-normal"}`}>
                {row.label}
              </th>
              <td className="whitespace-nowrap px-2 py-2 text-end font-mono tabular-nums">{usd(row.before)}</td>
              <td className="whitespace-nowrap px-2 py-2 text-end font-mono tabular-nums">{usd(row.after)}</td>
              <td className="whitespace-nowrap px-2 py-2 text-end font-mono tabular-nums">{signed(row.difference)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
