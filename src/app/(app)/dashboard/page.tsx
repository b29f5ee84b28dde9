import type { Metadata } from "next";
import Link from "next/link";
import Decimal from "decimal.js";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { Stat } from "@/components/ui/card";
import { FilterForm, FilterInput } from "@/components/ui/filter-form";
import { LocalTime } from "@/components/ui/local-time";
import { DashboardBarChart } from "@/components/insight/bar-chart";
import { Figure, FigureTable } from "@/components/insight/figure";
import { officeNameFor } from "@/components/insight/office-name";
import type { DashboardView, DaysBucket, OfficeLoad } from "@/domain/schemas/dashboard";
import { getLabels } from "@/i18n/labels";
import { getFormats } from "@/i18n/server";
import type { Formats } from "@/lib/format";
import { requireActor } from "@/server/auth/actor";
import { getDashboard } from "@/server/insight/get-dashboard";
import { forFilteredPage } from "@/server/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Dashboard");
  return { title: t("title") };
}

const num = "px-3 py-2 text-end tabular-nums";

type Translator = Awaited<ReturnType<typeof getTranslations>>;

/** A days bucket in words: "0–14 days", "180 days or more"; the step-age buckets start "Under 30 days". */
function bucketLabel(t: Translator, bucket: Pick<DaysBucket, "minDays" | "maxDays">, kind: "lor" | "age"): string {
  if (bucket.maxDays === null) return t("bucket.orMore", { min: String(bucket.minDays) });
  if (kind === "age" && bucket.minDays === 0) return t("bucket.under", { n: String(bucket.maxDays + 1) });
  return t("bucket.range", { min: String(bucket.minDays), max: String(bucket.maxDays) });
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const { result: view, problem } = await forFilteredPage(() => getDashboard(actor, params));
  const partner = actor.role === "PARTNER_OFFICER";
  const agencyScoped = actor.role === "IA_CASE_MANAGER";
  const t = await getTranslations("Dashboard");
  return (
    <div data-testid="dashboard">
      <PageHeader title={t("title")} lead={t(`lead.${partner ? "COUNTRY" : agencyScoped ? "AGENCY" : "ALL"}`)} />
      <FilterForm label={t("filterLabel")} submitLabel={t("filterSubmit")}>
        <FilterInput name="from" label={t("filterFrom")} type="date" defaultValue={params.from} />
        <FilterInput name="to" label={t("filterTo")} type="date" defaultValue={params.to} />
        {!agencyScoped && <FilterInput name="agency" label={t("filterAgency")} defaultValue={params.agency} />}
        {!partner && <FilterInput name="country" label={t("filterCountry")} defaultValue={params.country} />}
      </FilterForm>
      {problem && (
        <Alert type="error" title={t("filterProblem")} testId="dashboard-error">
          {Object.values(problem).join(". ")}
        </Alert>
      )}
      {view && <Dashboard view={view} />}
    </div>
  );
}

async function Dashboard({ view }: { view: DashboardView }) {
  const t = await getTranslations("Dashboard");
  const f = await getFormats();
  const partner = view.scope === "COUNTRY";
  const lor = view.lorToOffer;
  const withinShare = lor.offered > 0 ? t("percent", { value: String(Math.round((lor.withinTarget / lor.offered) * 100)) }) : "—";
  return (
    <>
      <div className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="dashboard-totals">
        <Stat label={t("stat.cases")} value={f.number(view.totals.cases)} href={view.totals.href} />
        <Stat label={t("stat.openCases")} value={f.number(view.totals.openCases)} />
        <Stat label={partner ? t("stat.valueOffered") : t("stat.value")} value={f.usd(view.totals.openValue)} />
        {partner ? (
          <Stat label={t("stat.offersWaiting")} value={f.number(view.offersWaiting.length)} href="#offers-waiting" />
        ) : (
          <Stat label={lor.targetDays === null ? t("stat.offersMade") : t("stat.withinTarget", { days: String(lor.targetDays) })} value={withinShare} href="#lor-to-offer" />
        )}
      </div>

      <div className="grid gap-6">
        {partner && (
          <div className="grid gap-6 lg:grid-cols-2">
            <OffersWaiting view={view} />
            <NextPayments view={view} />
          </div>
        )}
        {view.bottleneck && <Bottleneck offices={view.bottleneck} />}
        {view.scope === "AGENCY" && <AgingByStep view={view} />}
        <Pipeline view={view} />
        {!partner && <LorToOffer view={view} />}
        <div className="grid gap-6 lg:grid-cols-2">
          {view.valueByCountry && <ValueShares id="value-by-country" title={t("value.byCountry")} kind="country" shares={view.valueByCountry} />}
          <ValueShares id="value-by-agency" title={partner ? t("value.portfolioByAgency") : t("value.byAgency")} kind="agency" shares={view.valueByAgency} />
        </div>
      </div>
      <p className="mt-6 text-sm text-base-dark">
        {/* Figures computed before the request come from the all-cases snapshot, which a job refreshes every minute. */}
        {t.rich("asOf", {
          time: () => <LocalTime value={view.asOf} />,
          updated: view.asOf !== view.generatedAt ? "yes" : "no",
          partner: partner ? "yes" : "no",
        })}
      </p>
    </>
  );
}

/** Which office holds the most overdue work (then the most work): the bottleneck, said plainly. */
function bottleneckSummary(t: Translator, f: Formats, offices: readonly (OfficeLoad & { name: string })[]): string {
  if (offices.length === 0) return t("bottleneck.none");
  const worst = [...offices].sort((a, b) => b.overdue - a.overdue || b.cases - a.cases || b.medianDaysHeld - a.medianDaysHeld)[0]!;
  return t("bottleneck.summary", {
    office: worst.name,
    hasAccountable: worst.accountable ? "yes" : "no",
    accountable: worst.accountable?.name ?? "",
    cases: worst.cases,
    casesN: f.number(worst.cases),
    overdue: worst.overdue,
    overdueN: f.number(worst.overdue),
    days: worst.medianDaysHeld,
    daysN: f.number(worst.medianDaysHeld),
  });
}

async function Bottleneck({ offices: loads }: { offices: NonNullable<DashboardView["bottleneck"]> }) {
  const t = await getTranslations("Dashboard");
  const tOffice = await getTranslations("InsightOffice");
  const f = await getFormats();
  const offices = loads.map((o) => ({ ...o, name: officeNameFor(tOffice, o.office, o.officeName) }));
  return (
    <Figure
      id="bottleneck"
      title={t("bottleneck.title")}
      summary={bottleneckSummary(t, f, offices)}
      testId="bottleneck"
      tableOpen
      chart={
        <DashboardBarChart
          testId="bottleneck-chart"
          seriesNames={[t("bottleneck.withinTarget"), t("bottleneck.pastTarget")]}
          data={offices.map((o) => ({ label: o.name, value: o.cases - o.overdue, secondary: o.overdue, href: o.href }))}
        />
      }
      table={
        <FigureTable
          caption={t("bottleneck.caption")}
          columns={[t("bottleneck.colOffice"), t("bottleneck.colAccountable"), t("bottleneck.colCases"), t("bottleneck.colPastTarget"), t("bottleneck.colMedian"), t("bottleneck.colLongest")]}
          testId="bottleneck-table"
        >
          {offices.map((o) => (
            <tr key={o.office} className="border-t border-base-lighter" data-testid="bottleneck-row">
              <th scope="row" className="px-3 py-2 font-bold">
                {o.name}
              </th>
              <td className="px-3 py-2 text-end">
                {o.accountable ? <a href={`mailto:${o.accountable.email}`}>{o.accountable.name}</a> : <span className="text-base-dark">{t("bottleneck.notNamed")}</span>}
              </td>
              <td className={num}>
                <Link href={o.href}>{f.number(o.cases)}</Link>
              </td>
              <td className={num}>
                <Link href={o.overdueHref} aria-label={t("bottleneck.overdueLink", { count: o.overdue, n: f.number(o.overdue), office: o.name })}>
                  {f.number(o.overdue)}
                </Link>
              </td>
              <td className={num}>{f.number(o.medianDaysHeld)}</td>
              <td className={num}>{f.number(o.longestDaysHeld)}</td>
            </tr>
          ))}
        </FigureTable>
      }
    />
  );
}

async function Pipeline({ view }: { view: DashboardView }) {
  const t = await getTranslations("Dashboard");
  const f = await getFormats();
  const label = await getLabels();
  const partner = view.scope === "COUNTRY";
  const largest = [...view.pipeline].sort((a, b) => b.cases - a.cases)[0];
  const summary =
    view.totals.cases === 0 || !largest
      ? t("pipeline.none")
      : t("pipeline.summary", {
          cases: view.totals.cases,
          casesN: f.number(view.totals.cases),
          open: view.totals.openCases,
          openN: f.number(view.totals.openCases),
          value: f.usd(view.totals.openValue),
          status: label("caseStatus", largest.status),
          largest: largest.cases,
          largestN: f.number(largest.cases),
        });
  return (
    <Figure
      id="pipeline"
      title={t("pipeline.title")}
      summary={summary}
      testId="pipeline"
      chart={<DashboardBarChart testId="pipeline-chart" data={view.pipeline.map((p) => ({ label: label("caseStatus", p.status), value: p.cases, href: p.href }))} />}
      table={
        <FigureTable caption={t("pipeline.title")} columns={[t("pipeline.colStatus"), t("pipeline.colCases"), partner ? t("pipeline.colValueOffered") : t("pipeline.colValue")]}>
          {view.pipeline.map((p) => (
            <tr key={p.status} className="border-t border-base-lighter">
              <th scope="row" className="px-3 py-2 font-normal">
                {label("caseStatus", p.status)}
              </th>
              <td className={num}>
                <Link href={p.href}>{f.number(p.cases)}</Link>
              </td>
              <td className={num}>{f.usd(p.value)}</td>
            </tr>
          ))}
        </FigureTable>
      }
    />
  );
}

async function LorToOffer({ view }: { view: DashboardView }) {
  const t = await getTranslations("Dashboard");
  const f = await getFormats();
  const lor = view.lorToOffer;
  const target = lor.targetDays === null ? undefined : lor.buckets.find((b) => b.maxDays === null || b.maxDays >= lor.targetDays!);
  const busiest = [...lor.buckets].sort((a, b) => b.cases - a.cases)[0];
  const summary =
    lor.offered === 0 || !busiest
      ? t("lorToOffer.none")
      : t("lorToOffer.summary", { offered: lor.offered, offeredN: f.number(lor.offered), bucket: bucketLabel(t, busiest, "lor") }) +
        (lor.targetDays === null
          ? ""
          : ` ${t("lorToOffer.summaryTarget", {
              within: lor.withinTarget,
              withinN: f.number(lor.withinTarget),
              percent: String(Math.round((lor.withinTarget / lor.offered) * 100)),
              days: String(lor.targetDays),
            })}`);
  return (
    <Figure
      id="lor-to-offer"
      title={t("lorToOffer.title")}
      summary={summary}
      testId="lor-to-offer"
      chart={
        <DashboardBarChart
          testId="lor-to-offer-chart"
          layout="vertical"
          referenceAt={target ? bucketLabel(t, target, "lor") : undefined}
          referenceLabel={lor.targetDays === null ? undefined : t("lorToOffer.target", { days: String(lor.targetDays) })}
          data={lor.buckets.map((b) => ({ label: bucketLabel(t, b, "lor"), value: b.cases, href: b.href, flagged: b.overTarget }))}
        />
      }
      table={
        <FigureTable caption={t("lorToOffer.caption")} columns={[t("lorToOffer.colDays"), t("lorToOffer.colCases"), t("lorToOffer.colTarget")]}>
          {lor.buckets.map((b) => (
            <tr key={b.label} className="border-t border-base-lighter">
              <th scope="row" className="px-3 py-2 font-normal">
                {bucketLabel(t, b, "lor")}
              </th>
              <td className={num}>
                <Link href={b.href}>{f.number(b.cases)}</Link>
              </td>
              <td className="px-3 py-2 text-end">
                {lor.targetDays === null ? t("lorToOffer.noTarget") : b.overTarget ? t("lorToOffer.overTarget") : t("lorToOffer.withinTarget")}
              </td>
            </tr>
          ))}
        </FigureTable>
      }
    />
  );
}

async function ValueShares({ id, title, kind, shares }: { id: string; title: string; kind: "country" | "agency"; shares: DashboardView["valueByAgency"] }) {
  const t = await getTranslations("Dashboard");
  const f = await getFormats();
  const top = shares[0];
  const shown = { count: shares.length, n: f.number(shares.length) };
  const summary = !top
    ? t(`value.${kind}.empty`)
    : new Decimal(top.value).isZero()
      ? t(`value.${kind}.noValue`, shown)
      : t(`value.${kind}.summary`, { ...shown, name: top.name, value: f.usd(top.value), cases: top.cases, casesN: f.number(top.cases) });
  return (
    <Figure
      id={id}
      title={title}
      summary={summary}
      testId={id}
      chart={<DashboardBarChart testId={`${id}-chart`} format="usd" seriesNames={[t("value.colValue")]} data={shares.map((s) => ({ label: s.name, value: Number(s.value), href: s.href }))} />}
      table={
        <FigureTable caption={title} columns={[kind === "country" ? t("value.colCountry") : t("value.colAgency"), t("value.colCases"), t("value.colValue")]}>
          {shares.map((s) => (
            <tr key={s.code} className="border-t border-base-lighter">
              <th scope="row" className="px-3 py-2 font-normal">
                {s.name} <span className="font-mono text-base-dark">({s.code})</span>
              </th>
              <td className={num}>
                <Link href={s.href}>{f.number(s.cases)}</Link>
              </td>
              <td className={num}>{f.usd(s.value)}</td>
            </tr>
          ))}
        </FigureTable>
      }
    />
  );
}

async function AgingByStep({ view }: { view: DashboardView }) {
  const t = await getTranslations("Dashboard");
  const f = await getFormats();
  const label = await getLabels();
  const labels = view.agingByStep[0]?.buckets.map((b) => bucketLabel(t, b, "age")) ?? [];
  const counts = view.agingByStep.map((step) => ({
    step,
    cases: step.buckets.reduce((sum, b) => sum + b.cases, 0),
    old: step.buckets.filter((b) => b.minDays >= 90).reduce((sum, b) => sum + b.cases, 0),
  }));
  const total = counts.reduce((sum, c) => sum + c.cases, 0);
  const oldest = [...counts].sort((a, b) => b.old - a.old || b.cases - a.cases)[0];
  const summary =
    total === 0 || !oldest
      ? t("aging.none")
      : t("aging.summary", { total, totalN: f.number(total), step: label("caseStatus", oldest.step.status), old: oldest.old, oldN: f.number(oldest.old) });
  return (
    <Figure
      id="aging-by-step"
      title={t("aging.title")}
      summary={summary}
      testId="aging-by-step"
      tableOpen
      chart={
        <DashboardBarChart
          testId="aging-chart"
          seriesNames={[t("aging.under90"), t("aging.over90")]}
          data={view.agingByStep.map((step) => ({
            label: label("caseStatus", step.status),
            value: step.buckets.filter((b) => b.minDays < 90).reduce((sum, b) => sum + b.cases, 0),
            secondary: step.buckets.filter((b) => b.minDays >= 90).reduce((sum, b) => sum + b.cases, 0),
          }))}
        />
      }
      table={
        <FigureTable caption={t("aging.caption")} columns={[t("aging.colStep"), ...labels]}>
          {view.agingByStep.map((step) => (
            <tr key={step.status} className="border-t border-base-lighter">
              <th scope="row" className="px-3 py-2 font-normal">
                {label("caseStatus", step.status)}
              </th>
              {step.buckets.map((b) => (
                <td key={b.label} className={num}>
                  <Link
                    href={b.href}
                    aria-label={t("aging.cellLink", {
                      count: b.cases,
                      n: f.number(b.cases),
                      step: label("caseStatus", step.status),
                      bucket: bucketLabel(t, b, "age").toLocaleLowerCase(f.locale),
                    })}
                  >
                    {f.number(b.cases)}
                  </Link>
                </td>
              ))}
            </tr>
          ))}
        </FigureTable>
      }
    />
  );
}

async function OffersWaiting({ view }: { view: DashboardView }) {
  const t = await getTranslations("Dashboard");
  const f = await getFormats();
  return (
    <section aria-labelledby="offers-waiting" className="rounded border border-base-lighter bg-white p-5" data-testid="offers-waiting-panel">
      <h2 id="offers-waiting" className="mb-3 text-xl text-primary-darker">
        {t("offers.title")}
      </h2>
      {view.offersWaiting.length === 0 ? (
        <p>{t("offers.none")}</p>
      ) : (
        <ul className="divide-y divide-base-lighter">
          {view.offersWaiting.map((offer) => (
            <li key={offer.caseId} className="flex flex-wrap justify-between gap-2 py-2">
              <span>
                <Link href={offer.href} className="whitespace-nowrap font-mono font-bold">
                  {offer.identifier}
                </Link>{" "}
                <span className="text-base-dark">{offer.agency}</span>
              </span>
              <span>
                {offer.value && <span className="me-3 tabular-nums">{f.usd(offer.value)}</span>}
                {t.rich("offers.expires", { date: f.date(offer.offerExpiresAt), strong: (chunks) => <strong>{chunks}</strong> })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

async function NextPayments({ view }: { view: DashboardView }) {
  const t = await getTranslations("Dashboard");
  const f = await getFormats();
  const payments = view.nextPayments ?? [];
  return (
    <section aria-labelledby="next-payments" className="rounded border border-base-lighter bg-white p-5" data-testid="next-payments">
      <h2 id="next-payments" className="mb-3 text-xl text-primary-darker">
        {t("payments.title")}
      </h2>
      {payments.length === 0 ? (
        <p>{t("payments.none")}</p>
      ) : (
        <ul className="divide-y divide-base-lighter">
          {payments.map((payment) => (
            <li key={`${payment.caseId}-${payment.dueOn}`} className="flex flex-wrap justify-between gap-2 py-2">
              <Link href={payment.href} className="whitespace-nowrap font-mono font-bold">
                {payment.identifier}
              </Link>
              <span>
                <span className="me-3 tabular-nums">{f.usd(payment.amountDue)}</span>
                {t.rich("payments.due", { date: f.date(payment.dueOn), strong: (chunks) => <strong>{chunks}</strong> })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-2 text-sm text-base-dark">{t("payments.note")}</p>
    </section>
  );
}
