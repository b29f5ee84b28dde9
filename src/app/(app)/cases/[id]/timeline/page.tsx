import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CaseSubpageHeader } from "@/components/case/case-subnav";
import { CaseTimeline } from "@/components/case/case-timeline";
import { AgingTag } from "@/components/case/status";
import { WaitingOn } from "@/components/case/waiting-on";
import { Tag } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import {
  groupByDay,
  groupByPhase,
  selectedCategories,
  TIMELINE_CATEGORIES,
  type TimelineGroup,
} from "@/domain/cases/purchase-timeline";
import type { PurchaseTimelineEntryView } from "@/domain/schemas/purchase-timeline";
import { getLabels } from "@/i18n/labels";
import { getFormats } from "@/i18n/server";
import { requireActor } from "@/server/auth/actor";
import { getCase } from "@/server/cases/get-case";
import { getPurchaseTimeline } from "@/server/cases/get-purchase-timeline";
import { forPage } from "@/server/page-guard";
import { CaseOutlook } from "@/components/insight/case-outlook";
import { predictCaseForActor } from "@/server/insight/predict-case";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("TimelinePage");
  return { title: t("title") };
}

const asList = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export default async function PurchaseTimelinePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const { id } = await params;
  const query = await searchParams;
  const [t, label, f] = await Promise.all([getTranslations("TimelinePage"), getLabels(), getFormats()]);
  const [found, timeline, prediction] = await forPage(() => Promise.all([getCase(actor, id), getPurchaseTimeline(actor, id), predictCaseForActor(actor, id)]));
  const partner = actor.role === "PARTNER_OFFICER";

  const categories = selectedCategories(asList(query.category));
  const filtered = categories.length < TIMELINE_CATEGORIES.length;
  const byDate = query.group === "date";
  const shown = timeline.entries.filter((entry) => categories.includes(entry.category));
  // Days are UTC days: the server does not know the reader's zone (each entry's time is shown in it once the page is live).
  const groups: TimelineGroup<PurchaseTimelineEntryView>[] = byDate
    ? groupByDay(shown, (iso) => ({ key: iso.slice(0, 10), title: f.date(iso) }))
    : groupByPhase(shown).map((group) => ({ ...group, title: label("timelinePhase", group.key) }));

  return (
    <div>
      <CaseSubpageHeader
        caseId={found.id}
        identifier={found.identifier}
        title={t("title")}
        status={found.status}
        countryName={found.country.name}
        agencyName={found.implementingAgency.name}
        current="timeline"
      />

      {/* The top of the story: where it stands now, and beside it (beneath it on a phone) when to expect what comes next.
          auto-fit gives one section the whole width and two sections a column each. */}
      <div className="mb-6 grid items-start gap-6 md:grid-cols-[repeat(auto-fit,minmax(20rem,1fr))]" data-testid="timeline-top">
        <section aria-labelledby="where-it-stands" className="min-w-0 rounded border border-base-lighter bg-white p-5" data-testid="where-it-stands">
          <h2 id="where-it-stands" className="mb-3 text-xl text-primary-darker">
            {t("whereItStands")}
          </h2>
          <p className="mb-2">
            <strong>{label("caseStatus", found.status)}.</strong>{" "}
            <span className="text-base-dark">
              {t.rich("since", { time: () => <LocalTime value={found.statusChangedAt} /> })} {found.statusAging && <AgingTag aging={found.statusAging} />}
            </span>
          </p>
          <p className="mb-2 text-lg">
            {t("next")}{" "}
            <strong data-testid="waiting-on">
              <WaitingOn parts={found.waitingOnParts} />
            </strong>
          </p>
          {found.status === "OFFERED" && found.milestones.offerExpiresAt && (
            <p className="mb-2">
              {t.rich(partner ? "offerStandsPartner" : "offerStands", {
                date: f.date(found.milestones.offerExpiresAt),
                time: (chunks) => <time dateTime={found.milestones.offerExpiresAt ?? undefined}>{chunks}</time>,
              })}
            </p>
          )}
          {/* A partner's actions are all real steps (accept, ask for changes); staff always have controls such as
              suspend, which are no sign that the case waits on them, so they read "Next" instead. */}
          {partner && found.availableActions.length > 0 && (
            <p>
              <Link href={`/cases/${found.id}`} className="font-bold">
                {t("yourStep")}
              </Link>
            </p>
          )}
        </section>
        <CaseOutlook prediction={prediction} headingId="timeline-outlook" />
      </div>

      {timeline.letters.length > 0 && (
        <p className="mb-4 max-w-3xl" data-testid="timeline-letters">
          {t.rich(timeline.letters.length === 1 ? "beganWithLetter" : "beganWithLetters", {
            letters: () =>
              timeline.letters.map((letter, i) => (
                <span key={letter.id}>
                  {i > 0 && t("letterSeparator")}
                  <Link href={letter.href}>{letter.title}</Link>
                </span>
              )),
          })}
        </p>
      )}

      <form aria-label={t("filterLabel")} className="mb-6 rounded border border-base-lighter bg-white p-4" data-testid="timeline-filters">
        <div className="flex flex-wrap items-end gap-x-6 gap-y-4">
          <fieldset className="min-w-0">
            <legend className="mb-1 text-sm font-bold">{t("categories")}</legend>
            <ul className="flex flex-wrap gap-x-4 gap-y-2">
              {TIMELINE_CATEGORIES.map((category) => (
                <li key={category} className="flex items-center gap-2">
                  <input
                    id={`category-${category}`}
                    type="checkbox"
                    name="category"
                    value={category}
                    defaultChecked={filtered && categories.includes(category)}
                    className="h-5 w-5 accent-primary"
                  />
                  <label htmlFor={`category-${category}`} className="text-sm">
                    {label("timelineCategory", category)}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <div>
            <label htmlFor="group" className="block text-sm font-bold">
              {t("groupBy")}
            </label>
            <select id="group" name="group" defaultValue={byDate ? "date" : "phase"} className="mt-1 border-2 border-base-dark bg-white px-2 py-1.5">
              <option value="phase">{t("byStage")}</option>
              <option value="date">{t("byDay")}</option>
            </select>
          </div>
          <div className="flex flex-wrap items-center gap-4">
            <button type="submit" className="rounded bg-primary px-4 py-2 font-bold text-white hover:bg-primary-dark">
              {t("show")}
            </button>
            {(filtered || byDate) && <Link href={`/cases/${found.id}/timeline`}>{t("showEverything")}</Link>}
          </div>
        </div>
      </form>

      <p className="mb-4 text-sm text-base-dark" aria-live="polite" data-testid="timeline-count">
        {shown.length === timeline.entries.length
          ? t("countAll", { count: timeline.entries.length })
          : t("countFiltered", { shown: shown.length, total: timeline.entries.length })}{" "}
        {t("timesInZone")}
      </p>

      {groups.length === 0 ? (
        <p className="rounded border border-base-lighter bg-white p-5" data-testid="timeline-empty">
          {filtered ? t("emptyFiltered") : t("empty")}
        </p>
      ) : (
        <div className="grid gap-6">
          {groups.map((group) => (
            <section
              key={group.key}
              aria-labelledby={`stage-${group.key}`}
              className="min-w-0 rounded border border-base-lighter bg-white p-5"
              data-testid="timeline-group"
              data-group={group.key}
            >
              <h2 id={`stage-${group.key}`} className="mb-4 text-xl text-primary-darker">
                {group.title}
              </h2>
              <CaseTimeline
                events={group.entries}
                showVisibility={!partner}
                more={(entry) => (
                  <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                    <Tag>{label("timelineCategory", entry.category)}</Tag>
                    {entry.link && (
                      <Link href={entry.link.href} data-testid="timeline-link">
                        {entry.link.text}
                      </Link>
                    )}
                  </p>
                )}
              />
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
