import Decimal from "decimal.js";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import type { CaseFinancesView } from "@/domain/schemas/finance";
import { useFormats } from "@/i18n/use-formats";

// What a case's money comes to now, in the order a reader needs it: what is overdue, what is due and by when, and a
// missing initial deposit. Props only (the page loads the finances), so the case overview and the money page share it.

export type MoneySummaryFacts = Pick<CaseFinancesView, "caseId" | "deposit" | "account" | "loaTotal">;

function Figure({ label, value, testId, note }: { label: string; value: string; testId: string; note?: string }) {
  return (
    <div className="rounded border border-base-lighter bg-base-lightest p-3">
      <dt className="text-sm text-base-dark">{label}</dt>
      <dd className="text-xl font-bold tabular-nums text-primary-darker" data-testid={testId}>
        {value}
      </dd>
      {note && <dd className="text-sm text-base-dark">{note}</dd>}
    </div>
  );
}

export function MoneySummary({ finances, link = false }: { finances: MoneySummaryFacts; /** Adds a link to the money page. */ link?: boolean }) {
  const { account, deposit } = finances;
  const balance = new Decimal(account.balance);
  const arrears = new Decimal(account.arrears.total);
  const oldest = account.arrears.statements[0];
  const held = balance.isNegative();
  const t = useTranslations("FinanceSummary");
  const f = useFormats();
  return (
    <div data-testid="money-summary">
      <div className="grid gap-3">
        {arrears.gt(0) && oldest && (
          <Alert type="error" title={t("overdue", { value: f.usd(account.arrears.total) })} testId="money-arrears">
            {account.arrears.statements.length > 1
              ? t("unpaidSinceMany", { date: f.date(oldest.dueOn), count: account.arrears.statements.length })
              : t("unpaidSince", { date: f.date(oldest.dueOn) })}
          </Alert>
        )}
        {deposit && deposit.dueNow && !deposit.covered && (
          <Alert type="warning" title={t("depositShort", { value: f.usd(deposit.shortfall) })} testId="money-deposit-shortfall">
            {t("depositArrived", { received: f.usd(deposit.received), due: f.usd(deposit.due) })}
          </Alert>
        )}
      </div>
      <dl className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-3">
        <Figure
          label={held ? t("fundsHeld") : t("balanceDue")}
          value={f.usd(held ? balance.abs().toFixed(2) : account.balance)}
          testId="money-balance"
          note={held ? t("fundsHeldNote") : undefined}
        />
        <Figure
          label={t("nextDue")}
          value={f.date(account.nextDue.dueOn)}
          testId="money-next-due"
          note={account.nextDue.amount ? t("byThen", { value: f.usd(account.nextDue.amount) }) : t("notBilled")}
        />
        <Figure
          label={t("receivedSoFar")}
          value={f.usd(account.collected)}
          testId="money-collected"
          note={t("billedToDate", { value: f.usd(account.billed) })}
        />
      </dl>
      {new Decimal(account.credits).gt(0) && <p className="mt-2 text-sm">{t("credits", { value: f.usd(account.credits) })}</p>}
      {link && (
        <p className="mt-3">
          <Link href={`/cases/${finances.caseId}/finance`} data-testid="money-link">
            {t("link")}
          </Link>
        </p>
      )}
    </div>
  );
}
