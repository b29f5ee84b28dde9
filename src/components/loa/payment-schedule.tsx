import { useTranslations } from "next-intl";
import { useFormats } from "@/i18n/use-formats";
import type { PaymentSchedule } from "@/domain/pricing/payment-schedule";

export function PaymentScheduleTable({ schedule }: { schedule: PaymentSchedule }) {
  const t = useTranslations("LoaPaymentSchedule");
  const f = useFormats();
  return (
    <div data-testid="payment-schedule">
      <p className="mb-2">
        {t.rich("initialDeposit", { amount: f.usd(schedule.initialDeposit), strong: (chunks) => <strong data-testid="initial-deposit">{chunks}</strong> })}
        {schedule.cashWithAcceptance && <span className="text-sm text-base-dark"> {t("cashWithAcceptance")}</span>}
      </p>
      {schedule.rows.length > 0 && (
        <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label={t("label")}>
          <table className="w-full text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="bg-base-lightest">
              <tr>
                <th scope="col" className="px-2 py-1 text-start">{t("colDue")}</th>
                <th scope="col" className="px-2 py-1 text-end">{t("colAmount")}</th>
                <th scope="col" className="px-2 py-1 text-end">{t("colCumulative")}</th>
              </tr>
            </thead>
            <tbody>
              {schedule.rows.map((row) => (
                <tr key={row.dueOn} className="border-b border-base-lighter">
                  <td className="px-2 py-1">
                    {/* A calendar day (stored as a date), the same for every reader. */}
                    <time dateTime={row.dueOn}>{f.date(`${row.dueOn}T00:00:00Z`)}</time>
                  </td>
                  <td className="px-2 py-1 text-end font-mono tabular-nums">{f.usd(row.amount)}</td>
                  <td className="px-2 py-1 text-end font-mono tabular-nums">{f.usd(row.cumulative)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
