// What the large seed's cases are about: LOA templates (lines with MASL codes, sources of supply and compatible types of
// assistance, delivery terms), the item phrases partners write in their letters, people's names and the comments
// reviewers leave. Fictional but shaped like prisma/demo-loas.ts; every template is checked against the LOA domain
// validation before it is used (see loa-variants.ts).
import { emptyLine, type LoaLine } from "../../src/domain/loa/content";
import type { LoaType } from "../../src/domain/lor/codes";

export type LineSpec = Partial<LoaLine> & Pick<LoaLine, "lineNumber" | "genericCode" | "maslNumber" | "description">;

export interface LoaTemplate {
  key: string;
  /** Implementing agencies that usually write this LOA (codes); another agency may still get it. */
  agencies: readonly string[];
  loaType: Extract<LoaType, "DEFINED_ORDER" | "BLANKET_ORDER">;
  /** The partner's subject lines for the letter of request. */
  subjects: readonly string[];
  description: string;
  /** For blanket orders: the category the letter names. */
  blanketCategory?: string;
  lines: readonly LineSpec[];
}

export const line = (spec: LineSpec): LoaLine => ({ ...emptyLine(spec.lineNumber), ...spec });

export const LOA_TEMPLATES: readonly LoaTemplate[] = [
  {
    key: "counterfire-radars",
    agencies: ["B"],
    loaType: "DEFINED_ORDER",
    subjects: ["Counterfire radars with training and initial spares", "AN/TPQ-53 counterfire target acquisition radars", "Weapon-locating radar systems"],
    description: "AN/TPQ-53 counterfire target acquisition radars with initial spares, operator and maintainer training.",
    lines: [
      { lineNumber: "001", genericCode: "B4R", maslNumber: "5840015501001", description: "AN/TPQ-53 counterfire target acquisition radar system", quantity: 2, unitOfIssue: "EA", unitCost: "28500000.00", sourceOfSupply: "P", typeOfAssistance: "5", deliveryTermCode: "3", mde: true, sme: true, ncPerUnit: "310000.00", internalNote: "Unit price from the FY2026 production option." },
      { lineNumber: "002", genericCode: "B4S", maslNumber: "5840015501002", description: "Initial spares and repair parts", quantity: 1, unitOfIssue: "LO", unitCost: "3400000.00", sourceOfSupply: "X", typeOfAssistance: "4", deliveryTermCode: "3", procurementShare: "0.6" },
      { lineNumber: "003", genericCode: "B4T", maslNumber: "TRNGRADAR0001", description: "Operator and maintainer training", quantity: 1, unitOfIssue: "LO", unitCost: "1250000.00", sourceOfSupply: "S", typeOfAssistance: "3", monthsOfService: 12 },
    ],
  },
  {
    key: "tactical-vehicles",
    agencies: ["B"],
    loaType: "DEFINED_ORDER",
    subjects: ["Joint light tactical vehicles", "Tactical vehicles with spare parts and operator training", "Light tactical vehicle fleet"],
    description: "Joint Light Tactical Vehicles with basic issue items, spare parts and operator training.",
    lines: [
      { lineNumber: "001", genericCode: "F1K", maslNumber: "1005000566753", description: "JLTV M1278A1 heavy guns carrier with basic issue items", quantity: 10, unitOfIssue: "EA", unitCost: "1060000.00", sourceOfSupply: "P", typeOfAssistance: "5", deliveryTermCode: "2", mde: true, ncPerUnit: "12000.00" },
      { lineNumber: "002", genericCode: "R6B", maslNumber: "R6B0000000001", description: "Spare and repair parts for the tactical vehicles", quantity: 1, unitOfIssue: "LO", unitCost: "2000000.00", sourceOfSupply: "X", typeOfAssistance: "4", deliveryTermCode: "4" },
      { lineNumber: "003", genericCode: "O1A", maslNumber: "O1A0000000001", description: "Operator and maintenance training in the United States", quantity: 1, unitOfIssue: "LO", unitCost: "510000.00", sourceOfSupply: "S", typeOfAssistance: "3", monthsOfService: 12 },
      { lineNumber: "004", genericCode: "R6P", maslNumber: "TECHPUBSJLTV1", description: "Technical manuals and publications", quantity: 1, unitOfIssue: "SE", unitCost: "85000.00", sourceOfSupply: "S", typeOfAssistance: "3", deliveryTermCode: "4" },
    ],
  },
  {
    key: "night-vision",
    agencies: ["B", "P"],
    loaType: "DEFINED_ORDER",
    subjects: ["Night-vision devices", "Binocular night-vision goggles with spares", "Night-vision equipment for special forces"],
    description: "Binocular night-vision devices with spare image-intensifier tubes and operator training.",
    lines: [
      { lineNumber: "001", genericCode: "E3N", maslNumber: "5855015432100", description: "AN/PVS-31A binocular night-vision device", quantity: 400, unitOfIssue: "EA", unitCost: "4850.00", sourceOfSupply: "P", typeOfAssistance: "5", deliveryTermCode: "2" },
      { lineNumber: "002", genericCode: "E3S", maslNumber: "5855015439999", description: "Spare image-intensifier tubes and batteries", quantity: 1, unitOfIssue: "LO", unitCost: "150000.00", sourceOfSupply: "X", typeOfAssistance: "4", deliveryTermCode: "2" },
      { lineNumber: "003", genericCode: "E3T", maslNumber: "TRNGNVD000001", description: "Operator and maintainer training", quantity: 1, unitOfIssue: "LO", unitCost: "90000.00", sourceOfSupply: "S", typeOfAssistance: "3", monthsOfService: 6 },
    ],
  },
  {
    key: "small-arms-ammunition",
    agencies: ["B", "R"],
    loaType: "DEFINED_ORDER",
    subjects: ["Small arms ammunition", "5.56 mm and 7.62 mm ammunition replenishment", "Training ammunition"],
    description: "Small arms ammunition from DoD stock, delivered at origin to the purchaser's freight forwarder.",
    lines: [
      { lineNumber: "001", genericCode: "A1B", maslNumber: "1305015620001", description: "Cartridge, 5.56 mm ball, M855A1, 840 rounds per box", quantity: 2000, unitOfIssue: "BX", unitCost: "460.00", sourceOfSupply: "S", typeOfAssistance: "3", deliveryTermCode: "4" },
      { lineNumber: "002", genericCode: "A1C", maslNumber: "1305015620002", description: "Cartridge, 7.62 mm ball, M80A1, 800 rounds per box", quantity: 800, unitOfIssue: "BX", unitCost: "610.00", sourceOfSupply: "S", typeOfAssistance: "3", deliveryTermCode: "4" },
    ],
  },
  {
    key: "javelin",
    agencies: ["B"],
    loaType: "DEFINED_ORDER",
    subjects: ["Javelin anti-tank missiles and command launch units", "Anti-armor missile systems", "Javelin weapon system"],
    description: "Javelin missiles, lightweight command launch units, training and support equipment.",
    lines: [
      { lineNumber: "001", genericCode: "M2J", maslNumber: "1410015470001", description: "Javelin FGM-148F missile round", quantity: 40, unitOfIssue: "EA", unitCost: "240000.00", sourceOfSupply: "P", typeOfAssistance: "5", deliveryTermCode: "3", mde: true, sme: true, ncPerUnit: "2800.00" },
      { lineNumber: "002", genericCode: "M2L", maslNumber: "1410015470002", description: "Lightweight command launch unit", quantity: 8, unitOfIssue: "EA", unitCost: "210000.00", sourceOfSupply: "P", typeOfAssistance: "5", deliveryTermCode: "3", mde: true },
      { lineNumber: "003", genericCode: "M2T", maslNumber: "TRNGJAVELIN01", description: "Gunner and maintainer training", quantity: 1, unitOfIssue: "LO", unitCost: "380000.00", sourceOfSupply: "S", typeOfAssistance: "3", monthsOfService: 6 },
      { lineNumber: "004", genericCode: "M2S", maslNumber: "1410015470009", description: "Basic skills trainers and support equipment", quantity: 1, unitOfIssue: "LO", unitCost: "620000.00", sourceOfSupply: "X", typeOfAssistance: "4", deliveryTermCode: "3", procurementShare: "0.5" },
    ],
  },
  {
    key: "tactical-radios",
    agencies: ["B", "D"],
    loaType: "DEFINED_ORDER",
    subjects: ["Tactical radios and installation kits", "Handheld and vehicle radio sets", "Tactical communications equipment"],
    description: "Tactical radios, vehicle installation kits and contractor field support.",
    lines: [
      { lineNumber: "001", genericCode: "B2R", maslNumber: "5820016660001", description: "Handheld tactical radio sets", quantity: 300, unitOfIssue: "EA", unitCost: "6200.00", sourceOfSupply: "P", typeOfAssistance: "5", deliveryTermCode: "2" },
      { lineNumber: "002", genericCode: "B2K", maslNumber: "5820016660002", description: "Vehicle installation kits" },
      { lineNumber: "002a", genericCode: "B2K", maslNumber: "5820016660003", description: "Installation kit, light vehicles", quantity: 60, unitOfIssue: "KT", unitCost: "2400.00", sourceOfSupply: "S", typeOfAssistance: "3", deliveryTermCode: "2" },
      { lineNumber: "002b", genericCode: "B2K", maslNumber: "5820016660004", description: "Installation kit, command vehicles", quantity: 15, unitOfIssue: "KT", unitCost: "5100.00", sourceOfSupply: "S", typeOfAssistance: "3", deliveryTermCode: "2" },
      { lineNumber: "003", genericCode: "B9F", maslNumber: "FLDSPT0000001", description: "Contractor field service representatives", quantity: 12, unitOfIssue: "MO", unitCost: "28000.00", sourceOfSupply: "P", typeOfAssistance: "5", monthsOfService: 12 },
    ],
  },
  {
    key: "harpoon",
    agencies: ["P"],
    loaType: "DEFINED_ORDER",
    subjects: ["Harpoon coastal defense missiles", "RGM-84 Harpoon Block II missiles", "Coastal defense missile system"],
    description: "Harpoon Block II coastal defense missiles with containers, launch support equipment and training.",
    lines: [
      { lineNumber: "001", genericCode: "N2H", maslNumber: "1410015800001", description: "RGM-84Q Harpoon Block II missile in canister", quantity: 12, unitOfIssue: "EA", unitCost: "1520000.00", sourceOfSupply: "P", typeOfAssistance: "5", deliveryTermCode: "3", mde: true, sme: true, ncPerUnit: "18000.00" },
      { lineNumber: "002", genericCode: "N2L", maslNumber: "1410015800002", description: "Launch support equipment and containers", quantity: 1, unitOfIssue: "LO", unitCost: "2400000.00", sourceOfSupply: "P", typeOfAssistance: "5", deliveryTermCode: "3" },
      { lineNumber: "003", genericCode: "N2T", maslNumber: "TRNGHARPOON01", description: "Operator and maintenance training", quantity: 1, unitOfIssue: "LO", unitCost: "650000.00", sourceOfSupply: "S", typeOfAssistance: "3", monthsOfService: 9 },
    ],
  },
  {
    key: "patrol-boat-guns",
    agencies: ["P"],
    loaType: "DEFINED_ORDER",
    subjects: ["Coastal patrol boat weapon systems", "Mk 38 25 mm gun systems", "Naval gun systems with installation support"],
    description: "Coastal patrol boat weapon systems with installation support, spares and operator training.",
    lines: [
      { lineNumber: "001", genericCode: "N4A", maslNumber: "1010015551234", description: "Mk 38 Mod 3 25 mm gun weapon system", quantity: 2, unitOfIssue: "EA", unitCost: "3650000.00", sourceOfSupply: "P", typeOfAssistance: "5", deliveryTermCode: "3", monthsOfService: 36, mde: true, ncPerUnit: "42000.00", internalNote: "Contract option price plus 4% escalation." },
      { lineNumber: "002", genericCode: "N9S", maslNumber: "1010015559876", description: "Initial spares and repair parts", quantity: 1, unitOfIssue: "LO", unitCost: "1200000.00", sourceOfSupply: "X", typeOfAssistance: "4", deliveryTermCode: "3", procurementShare: "0.6" },
      { lineNumber: "003", genericCode: "N7T", maslNumber: "TRNGOPER00001", description: "Operator and maintainer training", quantity: 1, unitOfIssue: "LO", unitCost: "640000.00", sourceOfSupply: "S", typeOfAssistance: "3", monthsOfService: 12 },
    ],
  },
  {
    key: "sonobuoys",
    agencies: ["P"],
    loaType: "DEFINED_ORDER",
    subjects: ["Sonobuoys for maritime patrol aircraft", "Anti-submarine warfare sonobuoys", "Passive and active sonobuoys"],
    description: "Passive and active sonobuoys for maritime patrol aircraft.",
    lines: [
      { lineNumber: "001", genericCode: "N5P", maslNumber: "5845015990001", description: "AN/SSQ-53G passive sonobuoy", quantity: 400, unitOfIssue: "EA", unitCost: "6100.00", sourceOfSupply: "P", typeOfAssistance: "5", deliveryTermCode: "3" },
      { lineNumber: "002", genericCode: "N5A", maslNumber: "5845015990002", description: "AN/SSQ-62F active sonobuoy", quantity: 100, unitOfIssue: "EA", unitCost: "16500.00", sourceOfSupply: "P", typeOfAssistance: "5", deliveryTermCode: "3" },
    ],
  },
  {
    key: "ship-technical-assistance",
    agencies: ["P", "F"],
    loaType: "DEFINED_ORDER",
    subjects: ["Ship maintenance technical assistance", "Technical assistance team for frigate overhaul", "Naval engineering support"],
    description: "A technical assistance team for ship maintenance planning and overhaul support.",
    lines: [
      { lineNumber: "001", genericCode: "N8A", maslNumber: "TECHASSIST001", description: "Technical assistance team, ship maintenance", quantity: 24, unitOfIssue: "MO", unitCost: "42000.00", sourceOfSupply: "S", typeOfAssistance: "3", monthsOfService: 24 },
      { lineNumber: "002", genericCode: "N8B", maslNumber: "TECHASSIST002", description: "Engineering and overhaul planning services", quantity: 1600, unitOfIssue: "HR", unitCost: "185.00", sourceOfSupply: "P", typeOfAssistance: "5", monthsOfService: 24 },
    ],
  },
  {
    key: "aim-9x",
    agencies: ["D", "P"],
    loaType: "DEFINED_ORDER",
    subjects: ["AIM-9X Block II missiles", "Short-range air-to-air missiles", "AIM-9X missiles and captive air training missiles"],
    description: "AIM-9X Block II tactical missiles, captive air training missiles and support.",
    lines: [
      { lineNumber: "001", genericCode: "D4X", maslNumber: "1410016100001", description: "AIM-9X Block II tactical missile", quantity: 20, unitOfIssue: "EA", unitCost: "472000.00", sourceOfSupply: "P", typeOfAssistance: "5", deliveryTermCode: "3", mde: true, sme: true, ncPerUnit: "6300.00" },
      { lineNumber: "002", genericCode: "D4C", maslNumber: "1410016100002", description: "CATM-9X captive air training missile", quantity: 4, unitOfIssue: "EA", unitCost: "310000.00", sourceOfSupply: "P", typeOfAssistance: "5", deliveryTermCode: "3", mde: true },
      { lineNumber: "003", genericCode: "D4S", maslNumber: "1410016100009", description: "Containers, spares and support equipment", quantity: 1, unitOfIssue: "LO", unitCost: "900000.00", sourceOfSupply: "X", typeOfAssistance: "4", deliveryTermCode: "3" },
    ],
  },
  {
    key: "precision-kits",
    agencies: ["D"],
    loaType: "DEFINED_ORDER",
    subjects: ["Precision guidance kits", "Joint direct attack munition tail kits", "Guided bomb kits"],
    description: "Joint direct attack munition guidance kits with fuzes and integration support.",
    lines: [
      { lineNumber: "001", genericCode: "D2J", maslNumber: "1325016400001", description: "KMU-556 JDAM guidance kit", quantity: 200, unitOfIssue: "KT", unitCost: "26000.00", sourceOfSupply: "P", typeOfAssistance: "5", deliveryTermCode: "3", mde: true },
      { lineNumber: "002", genericCode: "D2F", maslNumber: "1325016400002", description: "FMU-152A/B joint programmable fuze", quantity: 200, unitOfIssue: "EA", unitCost: "3400.00", sourceOfSupply: "S", typeOfAssistance: "3", deliveryTermCode: "3" },
      { lineNumber: "003", genericCode: "D2I", maslNumber: "INTEGSUPPT001", description: "Aircraft integration and test support", quantity: 6, unitOfIssue: "MO", unitCost: "95000.00", sourceOfSupply: "P", typeOfAssistance: "5", monthsOfService: 6 },
    ],
  },
  {
    key: "aircrew-training",
    agencies: ["D"],
    loaType: "DEFINED_ORDER",
    subjects: ["Pilot training in the United States", "Aircrew and maintainer training", "Undergraduate pilot training"],
    description: "Pilot and maintainer training at U.S. Air Force schools, with living allowances handled by the purchaser.",
    lines: [
      { lineNumber: "001", genericCode: "D7P", maslNumber: "TRNGPILOT0001", description: "Undergraduate pilot training course", quantity: 8, unitOfIssue: "EA", unitCost: "410000.00", sourceOfSupply: "S", typeOfAssistance: "3", monthsOfService: 18 },
      { lineNumber: "002", genericCode: "D7M", maslNumber: "TRNGMAINT0001", description: "Aircraft maintainer courses", quantity: 24, unitOfIssue: "EA", unitCost: "36000.00", sourceOfSupply: "S", typeOfAssistance: "3", monthsOfService: 6 },
      { lineNumber: "003", genericCode: "D7E", maslNumber: "TRNGENGL00001", description: "Specialized English language training", quantity: 32, unitOfIssue: "EA", unitCost: "9800.00", sourceOfSupply: "S", typeOfAssistance: "3", monthsOfService: 4 },
    ],
  },
  {
    key: "medical-supplies",
    agencies: ["R"],
    loaType: "DEFINED_ORDER",
    subjects: ["Field medical supplies", "Combat casualty care kits", "Medical consumables for field hospitals"],
    description: "Field medical kits and consumables from DoD stock and new procurement.",
    lines: [
      { lineNumber: "001", genericCode: "R2M", maslNumber: "6545016700001", description: "Individual first aid kit", quantity: 3000, unitOfIssue: "KT", unitCost: "110.00", sourceOfSupply: "S", typeOfAssistance: "3", deliveryTermCode: "4" },
      { lineNumber: "002", genericCode: "R2C", maslNumber: "6545016700002", description: "Combat casualty care set", quantity: 60, unitOfIssue: "SE", unitCost: "18500.00", sourceOfSupply: "P", typeOfAssistance: "5", deliveryTermCode: "4" },
      { lineNumber: "003", genericCode: "R2X", maslNumber: "6545016700009", description: "Consumables and replenishment packs", quantity: 1, unitOfIssue: "LO", unitCost: "240000.00", sourceOfSupply: "X", typeOfAssistance: "4", deliveryTermCode: "4" },
    ],
  },
  {
    key: "fuel-handling",
    agencies: ["R", "B"],
    loaType: "DEFINED_ORDER",
    subjects: ["Fuel handling equipment", "Tactical fuel distribution systems", "Bulk fuel storage and pumps"],
    description: "Tactical fuel system supply points, pumps and hoses.",
    lines: [
      { lineNumber: "001", genericCode: "R4F", maslNumber: "4930016800001", description: "Fuel system supply point, 120,000 gallons", quantity: 2, unitOfIssue: "SE", unitCost: "1150000.00", sourceOfSupply: "P", typeOfAssistance: "5", deliveryTermCode: "3" },
      { lineNumber: "002", genericCode: "R4P", maslNumber: "4930016800002", description: "Pump, 350 gpm, with hoses", quantity: 10, unitOfIssue: "EA", unitCost: "64000.00", sourceOfSupply: "S", typeOfAssistance: "3", deliveryTermCode: "3" },
    ],
  },
  {
    key: "helicopter-spares-blanket",
    agencies: ["P", "B"],
    loaType: "BLANKET_ORDER",
    subjects: ["Follow-on spares for naval helicopters", "Helicopter spare parts (blanket order)", "Rotary-wing sustainment spares"],
    description: "A blanket order for follow-on spare and repair parts for the purchaser's helicopters.",
    blanketCategory: "Follow-on spare and repair parts for helicopters",
    lines: [
      { lineNumber: "001", genericCode: "H1S", maslNumber: "H1S0000000001", description: "Follow-on spare and repair parts", value: "2500000.00", sourceOfSupply: "X", typeOfAssistance: "4", deliveryTermCode: "4" },
      { lineNumber: "002", genericCode: "H1R", maslNumber: "H1R0000000001", description: "Repair and return of reparable components", value: "800000.00", sourceOfSupply: "R", typeOfAssistance: "3", deliveryTermCode: "4" },
    ],
  },
  {
    key: "fighter-sustainment-blanket",
    agencies: ["D"],
    loaType: "BLANKET_ORDER",
    subjects: ["Fighter aircraft sustainment spares", "F-16 follow-on support (blanket order)", "Aircraft consumables and spares"],
    description: "A blanket order for fighter aircraft spares, consumables and technical publications updates.",
    blanketCategory: "Fighter aircraft spares, consumables and publications",
    lines: [
      { lineNumber: "001", genericCode: "D9S", maslNumber: "D9S0000000001", description: "Spares and consumables", value: "6000000.00", sourceOfSupply: "X", typeOfAssistance: "4", deliveryTermCode: "4" },
      { lineNumber: "002", genericCode: "D9P", maslNumber: "D9P0000000001", description: "Technical order and publication updates", value: "250000.00", sourceOfSupply: "S", typeOfAssistance: "3" },
      { lineNumber: "003", genericCode: "D9E", maslNumber: "D9E0000000001", description: "Engineering services", value: "900000.00", sourceOfSupply: "P", typeOfAssistance: "5" },
    ],
  },
  {
    key: "stock-repair-blanket",
    agencies: ["R", "F"],
    loaType: "BLANKET_ORDER",
    subjects: ["Repair parts from DoD stock", "Common-item repair parts (blanket order)", "Spare parts for ground equipment"],
    description: "A blanket order for common repair parts from DoD stock.",
    blanketCategory: "Common repair parts for ground equipment",
    lines: [{ lineNumber: "001", genericCode: "R9S", maslNumber: "R9S0000000001", description: "Common repair parts from DoD stock", value: "1500000.00", sourceOfSupply: "S", typeOfAssistance: "3", deliveryTermCode: "4" }],
  },
  {
    key: "radar-sustainment",
    agencies: ["D", "F", "B"],
    loaType: "DEFINED_ORDER",
    subjects: ["Air surveillance radar sustainment", "Radar depot repair and engineering support", "Long-range radar support"],
    description: "Depot-level repair, engineering support and spares for air surveillance radars.",
    lines: [
      { lineNumber: "001", genericCode: "D3R", maslNumber: "D3R0000000001", description: "Depot-level repair of radar line-replaceable units", quantity: 1, unitOfIssue: "LO", unitCost: "1800000.00", sourceOfSupply: "R", typeOfAssistance: "3", deliveryTermCode: "3" },
      { lineNumber: "002", genericCode: "D3E", maslNumber: "D3E0000000001", description: "Field engineering support", quantity: 24, unitOfIssue: "MO", unitCost: "31000.00", sourceOfSupply: "P", typeOfAssistance: "5", monthsOfService: 24 },
      { lineNumber: "003", genericCode: "D3S", maslNumber: "D3S0000000001", description: "Spares package", quantity: 1, unitOfIssue: "LO", unitCost: "950000.00", sourceOfSupply: "X", typeOfAssistance: "4", deliveryTermCode: "3", procurementShare: "0.4" },
      { lineNumber: "004", genericCode: "D3T", maslNumber: "D3T0000000001", description: "Technical publications", quantity: 1, unitOfIssue: "SE", unitCost: "60000.00", sourceOfSupply: "S", typeOfAssistance: "3" },
      { lineNumber: "005", genericCode: "D3V", maslNumber: "D3V0000000001", description: "Test equipment calibration", quantity: 1, unitOfIssue: "LO", unitCost: "140000.00", sourceOfSupply: "S", typeOfAssistance: "3", deliveryTermCode: "3" },
      { lineNumber: "006", genericCode: "D3W", maslNumber: "D3W0000000001", description: "Software support", quantity: 24, unitOfIssue: "MO", unitCost: "18000.00", sourceOfSupply: "P", typeOfAssistance: "5", monthsOfService: 24 },
    ],
  },
];

/** A word for the country's service in letter references ("MOD/PROC/2031/117"). */
export const ORIGINATOR_OFFICES = [
  ["Ministry of Defence, Directorate of Procurement", "MOD/PROC"],
  ["Army Headquarters, Logistics Branch", "ARMY/LOG"],
  ["Naval Staff, Materiel Division", "NAVY/MAT"],
  ["Air Staff, Armaments Directorate", "AIR/ARM"],
  ["Joint Support Command", "JSC/SUP"],
] as const;

export const FIRST_NAMES = [
  "Alex", "Amira", "Ana", "Ben", "Carla", "Chen", "Dana", "Daniel", "Elena", "Emeka", "Farah", "Felix", "Grace", "Hana",
  "Ivan", "Jamal", "Jin", "Kara", "Leila", "Lucas", "Maya", "Mateo", "Nadia", "Noah", "Olga", "Omar", "Priya", "Rafael",
  "Rosa", "Sam", "Sofia", "Tariq", "Tess", "Victor", "Wei", "Yusuf", "Zara",
] as const;

export const LAST_NAMES = [
  "Adams", "Baker", "Castillo", "Diallo", "Evans", "Fischer", "Garcia", "Haddad", "Ibrahim", "Jensen", "Kowalski", "Lopez",
  "Morgan", "Nakamura", "Okafor", "Petrov", "Quinn", "Rossi", "Singh", "Tanaka", "Umarov", "Varga", "Walsh", "Xu", "Yilmaz",
  "Zimmerman",
] as const;

export const SIGNER_TITLES = [
  "Director of Armaments",
  "Director General, Defence Procurement",
  "Chief of Logistics",
  "Deputy Minister of Defence",
  "Head of International Programs",
] as const;

export const RANKS = ["Col.", "Lt. Col.", "Cdr.", "Capt.", "Mr.", "Ms.", "Dr."] as const;

export const COMMENTS = {
  concurWithComment: [
    "Pricing notes reviewed; no objection.",
    "Concur. Payment schedule confirmed with the country director.",
    "Concur; end-use monitoring applies to the sensitive items.",
    "Concur subject to the standard technology-security conditions.",
    "Internal: the case description should name the end user in the next amendment.",
    "Concur. Delivery schedule matches the production plan.",
  ],
  partnerVisibleConcur: [
    "Approved. Enhanced end-use monitoring applies to the night-vision and missile items.",
    "Approved. The purchaser must confirm the delivery address before shipment.",
  ],
  return: [
    "Delivery term code does not match the transportation plan; please correct the affected lines.",
    "The spares line needs a procurement share that reflects the contract data.",
    "Training line months of service do not match the course schedule.",
    "Please restate the nonrecurring cost per unit from the current recoupment table.",
  ],
  disapprove: [
    "The proposed configuration exceeds the release authority for this purchaser.",
    "Policy review does not support this sale at this time.",
    "Technology-security review: the requested capability is not releasable.",
  ],
  cancel: [
    "The purchaser withdrew the requirement.",
    "Superseded by a follow-on case that combines the requirements.",
    "Funding was not made available by the purchaser.",
    "Duplicate of an existing case.",
  ],
  suspend: [
    "Suspended at the purchaser's request pending budget approval.",
    "Suspended pending resolution of a policy review.",
    "Suspended while the purchaser re-scopes the requirement.",
  ],
  hold: ["Held pending consultations with the committees.", "Political hold requested by the Department of State."],
  blocked: ["Joint resolution of disapproval enacted."],
  notification: [
    "MDE value exceeds the threshold for this purchaser; notification required.",
    "Total case value is above the notification threshold.",
  ],
  emergency: ["Emergency implementation approved to meet an urgent operational requirement."],
} as const;

export const USER_AGENTS = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0 Safari/537.36",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:145.0) Gecko/20100101 Firefox/145.0",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
  "caseway-api-client/1.4",
] as const;
