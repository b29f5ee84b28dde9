// Problems the domain and the use cases report in English (validation messages, refusals), in the reader's language
// for the web pages (the API keeps English: clients match on `code` and the field). A message is matched against the
// shapes the domain writes (src/domain/schemas/*: "<Label> is required", "<Label> must be at most 200 characters"…)
// and worded from the "Problems" catalogue. Beside a field the label is already on the page, so the words name no
// field; a message of no known shape stays English. Pure: the translator is passed in.

export interface ProblemShape {
  key: string;
  pattern: RegExp;
  /** Names of the pattern's groups, passed to the message as values. */
  values?: readonly string[];
}

export const PROBLEM_SHAPES: readonly ProblemShape[] = [
  { key: "oneField", pattern: /^One field needs attention$/ },
  { key: "fields", pattern: /^(\d+) fields need attention$/, values: ["count"] },
  { key: "forbidden", pattern: /^You do not have permission to do that$/ },
  { key: "notFound", pattern: /^.+ not found$/ },
  { key: "required", pattern: /^.+ is required(?: \(YYYY-MM-DD\))?$/ },
  { key: "maxCharacters", pattern: /^.+ must be at most ([\d,]+) characters$/, values: ["max"] },
  { key: "minCharacters", pattern: /^.+ must be at least ([\d,]+) characters$/, values: ["min"] },
  { key: "characters", pattern: /^.+ contains characters that are not allowed$/ },
  { key: "date", pattern: /^.+ must be (?:a real date written YYYY-MM-DD.*|a real calendar date|a date written YYYY-MM-DD|a date like \d{4}-\d{2}-\d{2})$/ },
  { key: "wholeNumber", pattern: /^.+ must be a whole number(?: of days)?$/ },
  { key: "number", pattern: /^.+ must be a number$/ },
  { key: "atLeast", pattern: /^.+ must be at least (\$?[\d,.]+)$/, values: ["min"] },
  { key: "atMost", pattern: /^.+ must be at most (\$?[\d,.]+)$/, values: ["max"] },
  { key: "moreThanZero", pattern: /^.+ must be more than zero$/ },
  { key: "amount", pattern: /^.+ must be an amount in US dollars, like 1250000\.00$/ },
  { key: "cents", pattern: /^.+: use a dot for cents, like 1250\.50 \(commas only separate thousands\)$/ },
  { key: "tooLarge", pattern: /^.+ (?:is too large|must be less than one trillion dollars)$/ },
  { key: "trueOrFalse", pattern: /^.+ must be (?:true or false|yes \(true\) or no \(false\))$/ },
  { key: "oneOf", pattern: /^.+ must be one of: (.+)$/, values: ["values"] },
];

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The message in the reader's words when its shape is known, else as it came. */
export function wordProblem(message: string, t: Translate): string {
  for (const shape of PROBLEM_SHAPES) {
    const match = shape.pattern.exec(message);
    if (!match) continue;
    const values = Object.fromEntries((shape.values ?? []).map((name, i) => [name, name === "count" ? Number(match[i + 1]) : match[i + 1]!]));
    return t(shape.key, values);
  }
  return message;
}

export function wordFieldProblems(fields: Record<string, string> | undefined, t: Translate): Record<string, string> | undefined {
  if (!fields) return fields;
  return Object.fromEntries(Object.entries(fields).map(([field, message]) => [field, wordProblem(message, t)]));
}
