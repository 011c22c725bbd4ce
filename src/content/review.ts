// The rules of page ownership and review dates that need nothing but the values themselves: what a GitHub handle
// and a review period look like, and the calendar arithmetic of "reviewed on a day, again every N months". Days are
// `YYYY-MM-DD` strings in UTC throughout, so every machine and every time zone agrees on them.

/** A GitHub user (`@jane-doe`) or team (`@northwind-labs/platform`), as CODEOWNERS takes them. */
export const HANDLE = /^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$/;

/** A review period: a whole number and a unit, `6 months`, `1 year`, `2 weeks`, `90 days`. */
export const PERIOD = /^\s*([1-9][0-9]{0,3})\s+(day|week|month|year)s?\s*$/i;

/** A day as front matter writes it, `YYYY-MM-DD`. */
export const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A review period, read. */
export interface Period {
  count: number;
  unit: "day" | "week" | "month" | "year";
}

/** Whether an owner is a GitHub handle (else it names a team). */
export function isHandle(owner: string): boolean {
  return owner.startsWith("@");
}

/** Reads a review period (`6 months`); undefined when it is not one. */
export function parsePeriod(text: string): Period | undefined {
  const match = PERIOD.exec(text);
  if (!match) return undefined;
  return { count: Number(match[1]), unit: match[2]!.toLowerCase() as Period["unit"] };
}

/** A period as it reads after "every": "6 months", "year" (for 1 year). */
export function formatPeriod(period: Period): string {
  return period.count === 1 ? period.unit : `${period.count} ${period.unit}s`;
}

/** Whether a `YYYY-MM-DD` text is a day of the calendar (not 2026-02-30). */
export function isCalendarDay(text: string): boolean {
  if (!DAY.test(text)) return false;
  const [y, m, d] = text.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The UTC day of a date, `YYYY-MM-DD`. */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The day a period after another: months and years keep the day of the month, or take the month's last day when it
 * has none (31 August + 6 months is 28 or 29 February), as calendars and people count.
 */
export function addPeriod(day: string, period: Period): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  if (period.unit === "day" || period.unit === "week") {
    return dayOf(new Date(Date.UTC(y, m - 1, d + period.count * (period.unit === "week" ? 7 : 1))));
  }
  const months = m - 1 + period.count * (period.unit === "year" ? 12 : 1);
  const last = new Date(Date.UTC(y, months + 1, 0)).getUTCDate();
  return dayOf(new Date(Date.UTC(y, months, Math.min(d, last))));
}

/** Days from one day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
