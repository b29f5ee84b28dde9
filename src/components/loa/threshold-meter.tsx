import { useTranslations } from "next-intl";
import { useFormats } from "@/i18n/use-formats";
import { useLabels } from "@/i18n/use-labels";
import { localDecimal } from "@/components/case/reader";
import type { NotificationDetermination } from "@/domain/pricing/notification";

/**
 * How close the LOA is to each congressional-notification threshold (AECA 36(b)), as the lines change. The bar is
 * a native <meter>, so screen readers announce its value; the words say the same for everyone.
 */
export function ThresholdMeter({ notification }: { notification: NotificationDetermination }) {
  const t = useTranslations("LoaThresholdMeter");
  const label = useLabels();
  const f = useFormats();
  return (
    <div data-testid="threshold-meter">
      <p className="mb-2" data-testid="notification-required">
        {notification.required ? (
          <strong className="text-error-dark">{t("required")}</strong>
        ) : (
          <strong className="text-success-dark">{t("below")}</strong>
        )}{" "}
        <span className="text-sm text-base-dark">
          {notification.group === "NATO_PLUS" ? t("natoPlus") : t("nonNatoPlus")}
        </span>
      </p>
      <ul className="grid gap-3">
        {notification.tests.map((test) => {
          const percent = Math.min(100, Number(test.percentOfThreshold));
          return (
            <li key={test.basis} data-testid={`meter-${test.basis}`} data-met={test.met}>
              <div className="flex flex-wrap justify-between gap-2 text-sm">
                <span className="font-bold" id={`meter-label-${test.basis}`}>
                  {label("notificationBasis", test.basis)}
                </span>
                <span>
                  {t("valueOf", { value: f.usd(test.value), threshold: f.usd(test.threshold), percent: localDecimal(String(test.percentOfThreshold), f) })}
                </span>
              </div>
              <meter
                className="h-3 w-full"
                min={0}
                max={100}
                low={75}
                high={99.99}
                optimum={0}
                value={percent}
                aria-labelledby={`meter-label-${test.basis}`}
              />
              <p className={`text-sm ${test.met ? "font-bold text-error-dark" : "text-base-dark"}`} data-testid={`headroom-${test.basis}`}>
                {test.met ? t("reached") : t("headroom", { amount: f.usd(test.headroom) })}
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
