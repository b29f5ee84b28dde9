import { NOTIFICATION_BASIS_LABELS, type NotificationDetermination } from "@/domain/pricing/notification";
import { formatUsd } from "@/domain/money";

/**
 * How close the LOA is to each congressional-notification threshold (AECA 36(b)), as the lines change. The bar is
 * a native <meter>, so screen readers announce its value; the words say the same for everyone.
 */
export function ThresholdMeter({ notification }: { notification: NotificationDetermination }) {
  return (
    <div data-testid="threshold-meter">
      <p className="mb-2" data-testid="notification-required">
        {notification.required ? (
          <strong className="text-error-dark">Congressional notification required.</strong>
        ) : (
          <strong className="text-success-dark">Below every notification threshold.</strong>
        )}{" "}
        <span className="text-sm text-base-dark">
          {notification.group === "NATO_PLUS" ? "NATO+ purchaser thresholds (15-day formal review)." : "Thresholds for purchasers outside NATO+ (20-day informal, then 30-day formal review)."}
        </span>
      </p>
      <ul className="grid gap-3">
        {notification.tests.map((test) => {
          const percent = Math.min(100, Number(test.percentOfThreshold));
          return (
            <li key={test.basis} data-testid={`meter-${test.basis}`} data-met={test.met}>
              <div className="flex flex-wrap justify-between gap-2 text-sm">
                <span className="font-bold" id={`meter-label-${test.basis}`}>
                  {NOTIFICATION_BASIS_LABELS[test.basis]}
                </span>
                <span>
                  {formatUsd(test.value)} of {formatUsd(test.threshold)} ({test.percentOfThreshold}%)
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
                {test.met ? "Threshold reached: notification required." : `Headroom ${formatUsd(test.headroom)} before notification.`}
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
