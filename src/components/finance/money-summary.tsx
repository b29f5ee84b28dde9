import Decimal from "decimal.js";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { formatUsd } from "@/domain/money";
import type { CaseFinancesView } from "@/domain/schemas/finance";
import { formatDate } from "@/lib/format";

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
  return (
    <div data-testid="money-summary">
      <div className="grid gap-3">
        {arrears.gt(0) && oldest && (
          <Alert type="error" title={`Overdue: ${formatUsd(account.arrears.total)}`} testId="money-arrears">
            Unpaid since {formatDate(oldest.dueOn)}
            {account.arrears.statements.length > 1 ? ` (${account.arrears.statements.length} statements)` : ""}. Pay it now; payments are applied to the
            oldest amount billed first.
          </Alert>
        )}
        {deposit && deposit.dueNow && !deposit.covered && (
          <Alert type="warning" title={`Initial deposit short by ${formatUsd(deposit.shortfall)}`} testId="money-deposit-shortfall">
            {formatUsd(deposit.received)} of the {formatUsd(deposit.due)} due has arrived. The case is implemented once the deposits cover the amount due.
          </Alert>
        )}
      </div>
      <dl className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-3">
        <Figure
          label={held ? "Funds held for the partner" : "Balance due"}
          value={formatUsd(held ? balance.abs().toFixed(2) : account.balance)}
          testId="money-balance"
          note={held ? "More has been received than billed so far" : undefined}
        />
        <Figure
          label="Next payment due"
          value={formatDate(account.nextDue.dueOn)}
          testId="money-next-due"
          note={account.nextDue.amount ? `${formatUsd(account.nextDue.amount)} by then` : "Not billed yet"}
        />
        <Figure label="Received so far" value={formatUsd(account.collected)} testId="money-collected" note={`Billed to date ${formatUsd(account.billed)}`} />
      </dl>
      {new Decimal(account.credits).gt(0) && <p className="mt-2 text-sm">Credits granted: {formatUsd(account.credits)}.</p>}
      {link && (
        <p className="mt-3">
          <Link href={`/cases/${finances.caseId}/finance`} data-testid="money-link">
            Statements, payments and deposits
          </Link>
        </p>
      )}
    </div>
  );
}
