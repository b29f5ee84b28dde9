// A Letter of Request that meets every checklist criterion, for tests and the demo seed. Override what a test cares about.
import type { LorContentInput } from "../../src/domain/schemas/lor";

export type LorContent = Partial<Record<keyof LorContentInput, unknown>>;

/** A delivery date comfortably in the future (the checklist refuses past dates). */
export function futureDate(years = 2): string {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.toISOString().slice(0, 10);
}

export function completeLorContent(overrides: LorContent = {}): LorContent {
  return {
    subject: "Counterfire radars with training and initial spares",
    originatorReference: "MOD/PROC/2026/117",
    originatorName: "Ministry of Defence, Directorate of Procurement",
    originatorAddress: "12 Harbour Road\nPort Castellan",
    requestType: "LOA",
    loaType: "DEFINED_ORDER",
    preferredAgencyCode: null,
    items: [
      {
        nomenclature: "AN/TPQ-53 counterfire target acquisition radar",
        description: "Truck-mounted configuration with standard US Army software baseline and two spare antennas",
        quantity: 4,
        unitOfIssue: "EA",
        estimatedValue: "120000000.00",
      },
    ],
    financing: "NATIONAL_FUNDS",
    requestedDeliveryBy: futureDate(),
    thirdPartyInvolvement: false,
    soleSourceRequested: false,
    trainingNeeds: "Operator and maintainer training for 24 personnel",
    logisticsNeeds: "Two years of initial spares",
    transportationNeeds: "Delivery to the port of embarkation; we arrange onward shipment",
    pointsOfContact: [{ name: "Col. Ana Ferreira", title: "Head of Procurement", email: "a.ferreira@mod.example", phone: "+1 555 0100" }],
    signatoryName: "Mira Castellan",
    signatoryTitle: "Director of Procurement",
    signatoryAuthority: "Authorized by the Minister of Defence to request defense articles on behalf of the government",
    ...overrides,
  };
}
