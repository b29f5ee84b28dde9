// Dates are stored in UTC; pages show them in UTC with the zone named, so every reader sees the same instant. The hour
// cycle is h23, not `hour12: false`: Node formats midnight as "24:05" with the latter and browsers as "00:05", and a
// client component rendering on both sides (LocalTime) must produce the same text or React refuses the hydration.
const dateTime = new Intl.DateTimeFormat("en-US", {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return "—";
  return `${dateTime.format(new Date(value))} UTC`;
}

const dateOnly = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
export function formatDate(value: Date | string | null | undefined): string {
  if (!value) return "—";
  return dateOnly.format(new Date(value));
}
