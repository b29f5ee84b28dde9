// The domain's English label tables, by the name their translations have in the "Labels" namespace: a page shows
// `labels("caseStatus." + status)` (src/i18n/labels.ts) and each language's catalogue holds its own words.
import { TIMELINE_CATEGORY_LABELS, TIMELINE_PHASE_LABELS } from "@/domain/cases/purchase-timeline";
import { LINE_KIND_LABELS } from "@/domain/execution/line-kind";
import { REQUISITION_STATUS_LABELS, SHIPMENT_MODE_LABELS, SHIPMENT_STATUS_LABELS } from "@/domain/execution/lines";
import { SDR_DECISION_LABELS, SDR_STATUS_LABELS, SDR_TYPE_LABELS } from "@/domain/execution/sdr";
import { STEP_LABELS } from "@/domain/insight/prediction";
import { CHANGE_KIND_LABELS, CHANGE_PROPOSAL_LABELS } from "@/domain/loa/changes";
import {
  CLSSA_PART_LABELS,
  DELIVERY_TERM_LABELS,
  DOCUMENT_STATUS_LABELS,
  DOCUMENT_TYPE_LABELS,
  SOURCE_OF_SUPPLY_LABELS,
  TERM_OF_SALE_LABELS,
  TYPE_OF_ASSISTANCE_LABELS,
} from "@/domain/loa/codes";
import { LINE_STATUS_LABELS } from "@/domain/loa/compare";
import {
  ATTACHMENT_KIND_LABELS,
  FINANCING_LABELS,
  LOA_TYPE_LABELS,
  LOR_REQUEST_TYPE_LABELS,
  LOR_STATUS_LABELS,
  UNIT_OF_ISSUE_LABELS,
} from "@/domain/lor/codes";
import { NOTIFICATION_BASIS_LABELS } from "@/domain/pricing/notification";
import { ORGANIZATION_KIND_LABELS, ROLE_LABELS } from "@/domain/roles";
import { DOCUMENT_ACTION_LABELS } from "@/domain/schemas/loa";
import { EMAIL_MODE_LABELS } from "@/domain/schemas/notification-preferences";
import { SEARCH_KIND_LABELS } from "@/domain/schemas/search";
import { AGING_LABELS } from "@/domain/sla";
import {
  CASE_STATUS_LABELS,
  CN_STATUS_LABELS,
  COMMENT_VISIBILITY_LABELS,
  REVIEW_DECISION_LABELS,
  REVIEW_OFFICE_LABELS,
  REVIEW_OFFICE_SHORT_NAMES,
  WAITING_ON,
} from "@/domain/workflow/states";

export const LABEL_TABLES = {
  role: ROLE_LABELS,
  organizationKind: ORGANIZATION_KIND_LABELS,
  caseStatus: CASE_STATUS_LABELS,
  waitingOn: WAITING_ON,
  reviewOfficeShort: REVIEW_OFFICE_SHORT_NAMES,
  cnStatus: CN_STATUS_LABELS,
  reviewOffice: REVIEW_OFFICE_LABELS,
  reviewDecision: REVIEW_DECISION_LABELS,
  commentVisibility: COMMENT_VISIBILITY_LABELS,
  lorStatus: LOR_STATUS_LABELS,
  lorRequestType: LOR_REQUEST_TYPE_LABELS,
  loaType: LOA_TYPE_LABELS,
  financing: FINANCING_LABELS,
  unitOfIssue: UNIT_OF_ISSUE_LABELS,
  attachmentKind: ATTACHMENT_KIND_LABELS,
  documentType: DOCUMENT_TYPE_LABELS,
  documentStatus: DOCUMENT_STATUS_LABELS,
  documentAction: DOCUMENT_ACTION_LABELS,
  sourceOfSupply: SOURCE_OF_SUPPLY_LABELS,
  typeOfAssistance: TYPE_OF_ASSISTANCE_LABELS,
  termOfSale: TERM_OF_SALE_LABELS,
  deliveryTerm: DELIVERY_TERM_LABELS,
  clssaPart: CLSSA_PART_LABELS,
  lineStatus: LINE_STATUS_LABELS,
  changeKind: CHANGE_KIND_LABELS,
  changeProposal: CHANGE_PROPOSAL_LABELS,
  notificationBasis: NOTIFICATION_BASIS_LABELS,
  emailMode: EMAIL_MODE_LABELS,
  searchKind: SEARCH_KIND_LABELS,
  aging: AGING_LABELS,
  timelineCategory: TIMELINE_CATEGORY_LABELS,
  timelinePhase: TIMELINE_PHASE_LABELS,
  predictionStep: STEP_LABELS,
  sdrType: SDR_TYPE_LABELS,
  sdrStatus: SDR_STATUS_LABELS,
  sdrDecision: SDR_DECISION_LABELS,
  lineKind: LINE_KIND_LABELS,
  shipmentStatus: SHIPMENT_STATUS_LABELS,
  shipmentMode: SHIPMENT_MODE_LABELS,
  requisitionStatus: REQUISITION_STATUS_LABELS,
} satisfies Record<string, Readonly<Record<string, string>>>;

export type LabelTable = keyof typeof LABEL_TABLES;
