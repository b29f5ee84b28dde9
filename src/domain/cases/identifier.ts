// Case identifiers CC-I-DDD (fms-domain.md §2.3, §5.1): the customer code, the implementing agency's letter and a
// three-character designator unique for that country and agency. Designators are drawn in order from a sequence
// number, skipping I and O so they are never mistaken for 1 and 0.

export const DESIGNATOR_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ";
export const DESIGNATOR_CAPACITY = DESIGNATOR_ALPHABET.length ** 3;

/** 0 → "AAA", 1 → "AAB", … up to DESIGNATOR_CAPACITY − 1 → "ZZZ". */
export function designatorFor(sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 0 || sequence >= DESIGNATOR_CAPACITY) {
    throw new RangeError(`No designator left: sequence ${sequence} is outside 0–${DESIGNATOR_CAPACITY - 1}`);
  }
  const base = DESIGNATOR_ALPHABET.length;
  return [Math.floor(sequence / base ** 2), Math.floor(sequence / base) % base, sequence % base]
    .map((digit) => DESIGNATOR_ALPHABET[digit])
    .join("");
}

export function caseIdentifier(countryCode: string, agencyCode: string, designator: string): string {
  return `${countryCode}-${agencyCode}-${designator}`;
}
