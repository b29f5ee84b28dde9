import type { PaymentSchedule } from "@/domain/pricing/payment-schedule";
import { formatUsd } from "@/domain/money";

const DATE = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });

export function PaymentScheduleTable({ schedule }: { schedule: PaymentSchedule }) {
  return (
    <div data-testid="payment-schedule">
      <p className="mb-2">
        Initial deposit with acceptance: <strong data-testid="initial-deposit">{formatUsd(schedule.initialDeposit)}</strong>
        {schedule.cashWithAcceptance && <span className="text-sm text-base-dark"> (Cash with Acceptance: the whole estimated value is due with the signature)</span>}
      </p>
      {schedule.rows.length > 0 && (
        <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="Quarterly payments">
          <table className="w-full text-sm">
            <caption className="sr-only">Quarterly payments, due the 15th of March, June, September and December</caption>
            <thead className="bg-base-lightest">
              <tr>
                <th scope="col" className="px-2 py-1 text-left">Due</th>
                <th scope="col" className="px-2 py-1 text-right">Amount</th>
                <th scope="col" className="px-2 py-1 text-right">Cumulative</th>
              </tr>
            </thead>
            <tbody>
              {schedule.rows.map((row) => (
                <tr key={row.dueOn} className="border-b border-base-lighter">
                  <td className="px-2 py-1">
                    <time dateTime={row.dueOn}>{DATE.format(new Date(`${row.dueOn}T00:00:00Z`))}</time>
                  </td>
                  <td className="px-2 py-1 text-right font-mono tabular-nums">{formatUsd(row.amount)}</td>
                  <td className="px-2 py-1 text-right font-mono tabular-nums">{formatUsd(row.cumulative)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
