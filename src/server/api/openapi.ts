import { z } from "zod";
import { AUDIT_COUNT_CAP, AuditEventView, AuditQuery } from "@/domain/schemas/audit";
import { ConfirmOrganizationInput, OrganizationListQuery, OrganizationView } from "@/domain/schemas/organizations";
import { ApiTokenView, CreateApiTokenInput, CreatedApiToken } from "@/domain/schemas/tokens";
import { NotificationPreferencesView, UpdateNotificationPreferencesInput } from "@/domain/schemas/notification-preferences";
import { DisplayPreferencesView, UpdateDisplayPreferencesInput } from "@/domain/schemas/display-preferences";
import { RevokeSigningKeyInput, SigningKeyList, SigningKeyView } from "@/domain/schemas/signing-keys";
import { CreateUserInput, UpdateUserInput, UserListQuery, UserView } from "@/domain/schemas/users";
import {
  DecidePolicyChangeInput,
  PolicyChangeListQuery,
  PolicyChangeView,
  PolicyImpactItemView,
  PolicyImpactQuery,
  PolicySeriesDetailView,
  PolicySeriesView,
  ProposePolicyChangeInput,
} from "@/domain/schemas/policy";
import { ROLES } from "@/domain/roles";
import { isBindingEvent } from "@/domain/workflow/binding-confirmation";
import {
  CASE_ACTION_INPUTS,
  CaseAuditView,
  CaseEventView,
  CaseListQuery,
  CaseView,
  InboxItemView,
  TaskListQuery,
  TaskSummaryView,
} from "@/domain/schemas/cases";
import { ChangeTaskPageView, LorTaskPageView, OfferedAmendmentPageView, TaskSectionQuery } from "@/domain/schemas/tasks";
import {
  DOCUMENT_ACTION_INPUTS,
  DOCUMENT_ACTION_LABELS,
  DOCUMENT_ACTIONS,
  CompareDocumentsQuery,
  DocumentComparisonView,
  DocumentSummaryView,
  DocumentView,
  LoaDraftInput,
  PricingQuoteInput,
  PricingQuoteView,
  WorkingLoaView,
} from "@/domain/schemas/loa";
import { ACTOR_EVENTS, CASE_EVENTS, type CaseEventDefinition } from "@/domain/workflow/case-workflow";
import {
  AcknowledgeLorInput,
  AttachmentKindSchema,
  AttachmentView,
  CreateLorInput,
  DisapproveLorInput,
  LorEventView,
  LorListQuery,
  LorSummaryView,
  LorView,
  MarkCompleteInput,
  MarkInsufficientInput,
  RespondPriceAndAvailabilityInput,
  UpdateLorInput,
  VersionOnlyInput,
  WithdrawLorInput,
} from "@/domain/schemas/lor";
import { CaseFinancesView, IssueStatementsResult, PaymentInput, PaymentResult } from "@/domain/schemas/finance";
import { SearchQuery, SearchResults } from "@/domain/schemas/search";
import { DashboardQuery, DashboardView } from "@/domain/schemas/dashboard";
import { MarkNotificationsRead, NotificationListQuery, NotificationPage } from "@/domain/schemas/notifications";
import {
  CreateWebhookInput,
  EventFeedPage,
  EventFeedQuery,
  UpdateWebhookInput,
  WebhookDeliveryQuery,
  WebhookDeliveryView,
  WebhookDetailView,
  WebhookListQuery,
  WebhookVersionInput,
  WebhookView,
  WebhookWithSecret,
} from "@/domain/schemas/webhooks";
import { AssignOfficeAccountableInput, OfficeView } from "@/domain/schemas/offices";
import { AnnualReviewInput, ClosureView } from "@/domain/schemas/closure";
import { CasePredictionView } from "@/domain/schemas/insight";
import { PurchaseTimelineView } from "@/domain/schemas/purchase-timeline";
import {
  CompleteLineInput,
  CompleteLineResult,
  ExecutionView,
  ObligationView,
  RecordObligationInput,
  RecordServiceInput,
  RecordShipmentInput,
  RequisitionView,
  ServiceRecordView,
  ShipmentView,
  SubmitRequisitionInput,
  UpdateShipmentStatusInput,
} from "@/domain/schemas/execution";
import {
  CaseSdrListView,
  DecideSdrInput,
  FileSdrInput,
  AcceptSdrDecisionInput,
  ReconsiderSdrInput,
  SdrAttachmentView,
  SdrCommentInput,
  SdrCommentView,
  SdrListQuery,
  SdrTaskPageView,
  SdrTaskQuery,
  SdrView,
} from "@/domain/schemas/sdr";

// The OpenAPI 3.1 document, generated from the same zod schemas that validate forms, actions and API requests.

type Schema = z.ZodType;
/** ADR 0025. */
const CSV_EXPORT_DESCRIPTION =
  "UTF-8 with a byte-order mark, RFC 4180 (CRLF), one header row. `X-Total-Count` gives the number of data rows before the body arrives, for a progress bar. Text cells starting with =, +, -, @, a tab or a carriage return get a leading apostrophe (formula-injection guard); amount columns (USD) are plain numbers, negative ones included. Dates are YYYY-MM-DD (UTC). Each export is recorded in the audit log.";

interface Operation {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  summary: string;
  tag: string;
  auth?: boolean;
  query?: z.ZodObject;
  body?: Schema;
  response?: Schema;
  /** The request is a multipart file upload instead of JSON. */
  upload?: boolean;
  /** The request is a multipart upload of one or more `file` fields (no other field). */
  uploadFiles?: boolean;
  /** The success response is a file of one of these types instead of JSON. */
  fileResponse?: string[];
  status?: number;
  errors?: number[];
  /** Honours an Idempotency-Key header. */
  idempotent?: boolean;
  description?: string;
}

const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().meta({ description: "Stable machine-readable code, e.g. VALIDATION_FAILED" }),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional().meta({ description: "A message per invalid field" }),
      currentVersion: z.number().int().optional().meta({ description: "On 409 version conflicts" }),
      remaining: z.string().optional().meta({ description: "On 409 for a requisition over a blanket line: the US dollars the line has left" }),
    }),
  })
  .meta({ id: "Error" });

const Health = z.object({
  status: z.enum(["ok", "unavailable"]),
  database: z.enum(["up", "down"]),
  latencyMs: z.number(),
});

const Me = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  roleLabel: z.string(),
  organization: z.object({ id: z.uuid(), name: z.string(), kind: z.string() }),
  countryCode: z.string().nullable(),
  authenticatedWith: z.enum(["session", "api_token"]),
});

const page = (item: Schema) =>
  z.object({ items: z.array(item), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() });
const list = (item: Schema) => z.object({ items: z.array(item) });
const AuditEventPage = page(AuditEventView).extend({
  total: z.number().int().meta({ description: `Matching events, counted up to ${AUDIT_COUNT_CAP.toLocaleString("en-US")}` }),
  more: z.boolean().meta({ description: "True when more events match than `total` counts: narrow the filters (dates, event, person)" }),
});
const OrganizationDetail = OrganizationView.extend({
  verifiedByName: z.string().nullable(),
  members: z.array(z.object({ id: z.uuid(), name: z.string(), email: z.string(), role: z.enum(ROLES) })),
});

const OPERATIONS: Operation[] = [
  { method: "get", path: "/health", summary: "Database reachability", tag: "System", auth: false, response: Health, errors: [503] },
  { method: "get", path: "/me", summary: "The signed-in user or token owner", tag: "Account", response: Me },
  { method: "get", path: "/me/tokens", summary: "Your personal API tokens", tag: "Account", response: list(ApiTokenView) },
  { method: "post", path: "/me/tokens", summary: "Create a personal API token (the secret is shown once)", tag: "Account", body: CreateApiTokenInput, response: CreatedApiToken, status: 201, errors: [400, 409, 422] },
  { method: "get", path: "/me/signing-key", summary: "Your keys for signing binding decisions, newest first: the one in use (current) and those rotated or revoked (ADR 0031)", tag: "Account", response: SigningKeyList },
  { method: "post", path: "/me/signing-key/revocation", summary: "Revoke one of your signing keys because it may be compromised (audited): signatures dated from now on with it do not verify; earlier ones verify with a dated note; your next decision makes a new key", description: "Send `{ \"kid\": \"<fingerprint>\", \"reason\": \"…\" }`. Another person's key answers 404; a key already revoked 409.", tag: "Account", body: RevokeSigningKeyInput, response: SigningKeyView, errors: [400, 404, 409, 422] },
  { method: "post", path: "/me/signing-key/rotation", summary: "Rotate your key for signing binding decisions (ADR 0031): the old key keeps verifying its signatures, the new one (its fingerprint is `kid`) signs from now on", tag: "Account", response: z.object({ kid: z.string(), createdAt: z.iso.datetime(), retired: z.number().int() }) },
  { method: "delete", path: "/me/tokens/{id}", summary: "Revoke one of your API tokens", tag: "Account", response: ApiTokenView, errors: [404] },
  { method: "get", path: "/me/notifications", summary: "Your notifications, newest first, 30 a page, with how many are unread", description: "Each notice is written for you in the words you may read: partners never receive U.S. Government-internal events or another country's. Filter with `unread=true` and `group`; page back with `before=<nextBefore>`.", tag: "Notifications", query: NotificationListQuery, response: NotificationPage, errors: [422] },
  { method: "post", path: "/me/notifications/read", summary: "Mark some of your notifications read (`ids`), or all of them (`all: true`)", tag: "Notifications", body: MarkNotificationsRead, response: z.object({ marked: z.number().int() }), errors: [400, 422] },
  { method: "get", path: "/me/notifications/unread-count", summary: "How many of your notifications are unread (counted up to 100)", tag: "Notifications", response: z.object({ unreadCount: z.number().int() }) },
  // The event feed and webhooks for partner systems (issue 15 item 5, ADR 0030).
  { method: "get", path: "/events", summary: "The events you may see, in feed order, resumable from a cursor", description: "Partners get their own country's events that the partner may see, in partner wording; agency case managers their agency's; other U.S. Government staff every event. Send the page's `nextCursor` as `after` to read on: no event is missed or repeated. `limit` 1–500 (default 100). A malformed cursor answers 400 naming `after`. Each event's `id` is the `Caseway-Event-Id` of its webhook deliveries.", tag: "Event feed", query: EventFeedQuery, response: EventFeedPage, errors: [400] },
  { method: "get", path: "/webhooks", summary: "Your organization's webhook subscriptions (administrators: any organization's, with `organizationId`)", tag: "Webhooks", query: WebhookListQuery, response: z.object({ organizationId: z.uuid(), items: z.array(WebhookView) }), errors: [403, 404, 422] },
  { method: "post", path: "/webhooks", summary: "Subscribe a system to your organization's events; the signing secret is returned once", description: "Partner officers subscribe their country, agency case managers their agency, administrators any organization (`organizationId`). Each event is POSTed as JSON `{ id, type, occurredAt, data: { record, subject, caseIdentifier, title, sequence } }` with `Caseway-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, \"<t>.<raw body>\")>` and `Caseway-Event-Id`; refuse signatures older than 300 s (docs/webhooks.md). 2xx within 10 s counts as delivered; otherwise retried with exponential backoff for 24 h. 15 failures in a row turn the subscription off and its creator is told. Only https:// targets in production.", tag: "Webhooks", body: CreateWebhookInput, response: WebhookWithSecret, status: 201, errors: [400, 403, 404, 409, 422] },
  { method: "get", path: "/webhooks/{id}", summary: "One subscription with its delivery log, newest first (`page`, `pageSize`)", tag: "Webhooks", query: WebhookDeliveryQuery, response: WebhookDetailView, errors: [403, 404, 422] },
  { method: "patch", path: "/webhooks/{id}", summary: "Change a subscription's address or kinds, or turn it off or on (on resets its failure count)", description: "Send the subscription's `version` as `expectedVersion` (409 when stale).", tag: "Webhooks", body: UpdateWebhookInput, response: WebhookView, errors: [400, 403, 404, 409, 422] },
  { method: "delete", path: "/webhooks/{id}", summary: "Delete a subscription and its delivery log", tag: "Webhooks", response: z.object({ id: z.uuid(), deleted: z.literal(true) }), errors: [403, 404] },
  { method: "post", path: "/webhooks/{id}/secret", summary: "Replace the signing secret; the new one is returned once and signs every delivery from now on", tag: "Webhooks", body: WebhookVersionInput, response: WebhookWithSecret, errors: [400, 403, 404, 409, 422] },
  { method: "post", path: "/webhooks/{id}/deliveries/{deliveryId}/redelivery", summary: "Send one delivery again now (its retries start afresh)", description: "409 while the subscription is turned off.", tag: "Webhooks", response: WebhookDeliveryView, errors: [403, 404, 409] },
  { method: "get", path: "/live", summary: "A Server-Sent Events stream: `notice` when you receive a notification or read one, and with `case=<id>` `case` (data: the case's new version) when that case changes", description: "Events carry no record content, only that something changed; read the record through its own endpoint. The stream closes after 10 minutes and EventSource reconnects (after `retry`), signing in again. Another country's case answers 404 before any stream opens.", tag: "Notifications", query: z.object({ case: z.uuid().optional() }), response: z.string().meta({ description: "text/event-stream" }), errors: [404] },
  { method: "get", path: "/me/display-preferences", summary: "Your language and time zone (null: your browser's decide)", tag: "Account", response: DisplayPreferencesView },
  { method: "put", path: "/me/display-preferences", summary: "Choose your language (en, fr, es, ar) and time zone (audited)", description: "Send the fields to change, e.g. `{ \"locale\": \"fr\", \"timeZone\": \"Europe/Paris\" }`; null returns a field to your browser's choice. The web app restores both at sign-in. An unknown language or zone is refused (422) on its field.", tag: "Account", body: UpdateDisplayPreferencesInput, response: DisplayPreferencesView, errors: [400, 422] },
  { method: "get", path: "/me/notification-preferences", summary: "How and when Caseway e-mails you, for every kind of notice your role can receive", tag: "Account", response: NotificationPreferencesView },
  { method: "put", path: "/me/notification-preferences", summary: "Change how Caseway e-mails you per kind of notice: immediately, in a daily digest, or not at all (audited)", description: "Send only the kinds to change, e.g. `{ \"preferences\": { \"offer-issued\": \"DIGEST\" } }`; the rest keep their setting. A kind your role never receives, or an unknown one, is refused (422) on its field `preferences.<kind>`. In-app notifications always arrive. E-mail subjects name only the kind of event, never a country, case, item or amount.", tag: "Account", body: UpdateNotificationPreferencesInput, response: NotificationPreferencesView, errors: [400, 422] },
  { method: "get", path: "/policy", summary: "Every rate, threshold and clock series with the row in force today (everyone); the next approved row and waiting proposals for policy staff", tag: "Policy", response: list(PolicySeriesView) },
  { method: "get", path: "/policy/series/{key}", summary: "One series with its whole history (administrators, policy officers, auditors)", tag: "Policy", response: PolicySeriesDetailView, errors: [403, 404] },
  { method: "get", path: "/policy/changes", summary: "Proposed changes, waiting first (administrators, policy officers, auditors)", tag: "Policy", query: PolicyChangeListQuery, response: page(PolicyChangeView), errors: [403, 422] },
  { method: "post", path: "/policy/changes", summary: "Propose a new row, effective today or later, citing its source; a rate or threshold gets its impact preview (administrators, policy officers)", tag: "Policy", body: ProposePolicyChangeInput, response: PolicyChangeView, status: 201, errors: [400, 403, 422] },
  { method: "get", path: "/policy/changes/{id}", summary: "One proposal with its impact summary", tag: "Policy", response: PolicyChangeView, errors: [403, 404] },
  { method: "get", path: "/policy/changes/{id}/impact", summary: "The open LOA documents the proposal would change, with totals before and after", tag: "Policy", query: PolicyImpactQuery, response: page(PolicyImpactItemView), errors: [403, 404, 422] },
  { method: "post", path: "/policy/changes/{id}/impact", summary: "Compute a waiting proposal's impact preview again", tag: "Policy", response: PolicyChangeView, errors: [403, 404, 409] },
  { method: "post", path: "/policy/changes/{id}/approval", summary: "Approve another person's proposal: its row is written and takes effect on its date (administrators)", tag: "Policy", body: DecidePolicyChangeInput, response: PolicyChangeView, errors: [400, 403, 404, 409, 422] },
  { method: "post", path: "/policy/changes/{id}/rejection", summary: "Reject another person's proposal, saying why (administrators)", tag: "Policy", body: DecidePolicyChangeInput, response: PolicyChangeView, errors: [400, 403, 404, 409, 422] },
  { method: "post", path: "/policy/changes/{id}/withdrawal", summary: "Withdraw your own waiting proposal", tag: "Policy", body: DecidePolicyChangeInput, response: PolicyChangeView, errors: [400, 403, 404, 409, 422] },
  { method: "get", path: "/users", summary: "List and search users (administrators)", tag: "Users", query: UserListQuery, response: page(UserView), errors: [403, 422] },
  { method: "post", path: "/users", summary: "Create a user (administrators)", tag: "Users", body: CreateUserInput, response: UserView, status: 201, errors: [400, 403, 409, 422] },
  { method: "get", path: "/users/{id}", summary: "One user (administrators)", tag: "Users", response: UserView, errors: [403, 404] },
  { method: "patch", path: "/users/{id}", summary: "Change role or organization, deactivate or reactivate (administrators)", tag: "Users", body: UpdateUserInput, response: UserView, errors: [400, 403, 404, 409, 422] },
  { method: "get", path: "/offices", summary: "The offices that hold cases (DSCA, State, DTSA, DFAS, each implementing agency), each with its accountable person and who may be named (administrators)", tag: "Users", response: z.object({ items: z.array(OfficeView) }), errors: [403] },
  { method: "put", path: "/offices/{office}/accountable", summary: "Name the person accountable for an office's queue: an active member of that office (administrators, audited)", description: "`office` is the inbox key from GET /offices (URL-encoded), e.g. `DTSA_REVIEWER` or `IA_CASE_MANAGER:<agency id>`.", tag: "Users", body: AssignOfficeAccountableInput, response: OfficeView, errors: [400, 403, 404, 422] },
  { method: "get", path: "/organizations", summary: "Organizations; a partner officer sees only their own country", tag: "Reference data", query: OrganizationListQuery, response: list(OrganizationView), errors: [422] },
  { method: "get", path: "/organizations/{id}", summary: "One organization; another country's answers 404", tag: "Reference data", response: OrganizationDetail, errors: [404] },
  { method: "post", path: "/organizations/{id}/confirm", summary: "Confirm an unverified reference code (administrators)", tag: "Reference data", body: ConfirmOrganizationInput, response: OrganizationView, errors: [400, 403, 404, 409, 422] },
  { method: "get", path: "/audit-events", summary: "The audit log (auditors and administrators)", tag: "Audit", query: AuditQuery, response: AuditEventPage, errors: [403, 422] },
  { method: "get", path: "/lors", summary: "Letters of request: partners see their own country's, USG staff every submitted one", tag: "Letters of request", query: LorListQuery, response: page(LorSummaryView), errors: [422] },
  { method: "get", path: "/lors/export", summary: "The letter list as a CSV file: the same filters, sort and scoping as GET /lors, every matching letter, streamed", description: CSV_EXPORT_DESCRIPTION, tag: "Letters of request", query: LorListQuery.omit({ page: true, pageSize: true }), fileResponse: ["text/csv"], errors: [422] },
  { method: "post", path: "/lors", summary: "Start a draft letter of request for your country (partner officers)", tag: "Letters of request", body: CreateLorInput, response: LorView, status: 201, errors: [400, 403, 422] },
  { method: "get", path: "/lors/{id}", summary: "One letter of request with its checklist, validation clock and attachments", tag: "Letters of request", response: LorView, errors: [404] },
  { method: "patch", path: "/lors/{id}", summary: "Change a draft or insufficient letter (version-checked)", tag: "Letters of request", body: UpdateLorInput, response: LorView, errors: [400, 403, 404, 409, 422] },
  { method: "get", path: "/lors/{id}/events", summary: "The letter's timeline, oldest first", tag: "Letters of request", response: list(LorEventView), errors: [404] },
  { method: "post", path: "/lors/{id}/submit", summary: "Submit or resubmit; refused with the missing checklist items named", tag: "Letters of request", body: VersionOnlyInput, response: LorView, errors: [400, 403, 404, 409, 422] },
  { method: "post", path: "/lors/{id}/withdraw", summary: "Withdraw the letter (partner officers)", tag: "Letters of request", body: WithdrawLorInput, response: LorView, errors: [400, 403, 404, 409, 422] },
  { method: "post", path: "/lors/{id}/acknowledge", summary: "Acknowledge receipt and start validation (DSCA, implementing agency)", tag: "Validation", body: AcknowledgeLorInput, response: LorView, errors: [400, 403, 404, 409, 422] },
  { method: "post", path: "/lors/{id}/mark-insufficient", summary: "Return the letter as insufficient, with reasons the partner sees", tag: "Validation", body: MarkInsufficientInput, response: LorView, errors: [400, 403, 404, 409, 422] },
  { method: "post", path: "/lors/{id}/mark-actionable", summary: "Record that the letter meets the actionable criteria", tag: "Validation", body: VersionOnlyInput, response: LorView, errors: [400, 403, 404, 409, 422] },
  { method: "post", path: "/lors/{id}/mark-complete", summary: "Mark complete: an LOA request opens a case (CC-I-DDD); amendments link to theirs", tag: "Validation", body: MarkCompleteInput, response: LorView, errors: [400, 403, 404, 409, 422] },
  { method: "post", path: "/lors/{id}/respond-pa", summary: "Answer a complete P&A request with non-binding price and availability data", tag: "Validation", body: RespondPriceAndAvailabilityInput, response: LorView, errors: [400, 403, 404, 409, 422] },
  { method: "post", path: "/lors/{id}/disapprove", summary: "Disapprove the request, with a reason (DSCA, State, DTSA)", tag: "Validation", body: DisapproveLorInput, response: LorView, errors: [400, 403, 404, 409, 422] },
  { method: "get", path: "/lors/{id}/attachments", summary: "The letter's attachments", tag: "Letters of request", response: list(AttachmentView), errors: [404] },
  { method: "post", path: "/lors/{id}/attachments", summary: "Attach a PDF, PNG or JPEG of at most 10 MB (judged by content) to a draft or insufficient letter", tag: "Letters of request", upload: true, response: AttachmentView, status: 201, errors: [400, 403, 404, 409, 413, 415, 422] },
  { method: "get", path: "/lors/{id}/attachments/{attachmentId}", summary: "Download an attachment", tag: "Letters of request", fileResponse: ["application/pdf", "image/png", "image/jpeg"], errors: [404] },
  { method: "delete", path: "/lors/{id}/attachments/{attachmentId}", summary: "Remove an attachment from a draft or insufficient letter", tag: "Letters of request", response: z.object({ id: z.uuid(), removed: z.literal(true) }), errors: [403, 404, 409] },
  { method: "get", path: "/search", summary: "Full-text search over cases, letters, LOA lines and documents the caller may see: counts per kind and one ranked, highlighted page (matches between U+E000 and U+E001)", tag: "Search", query: SearchQuery, response: SearchResults, errors: [422] },
  { method: "get", path: "/dashboard", summary: "The caller's dashboard: cases and value by status, who holds the open cases now (U.S. Government staff), days from complete letter to offer against the target, value by country and agency, the agency's cases by step and age, offers waiting (partners); every figure with the case-list link behind it", description: "Partners get their own country's cases and only the values of LOAs offered to them; implementing-agency case managers get their agency's; other staff get every case. `from`/`to` filter on the day a case opened.", tag: "Insight", query: DashboardQuery, response: DashboardView, errors: [422] },
  { method: "get", path: "/cases", summary: "Cases: partners see their own country's, USG staff all", tag: "Cases", query: CaseListQuery, response: page(CaseView), errors: [422] },
  { method: "get", path: "/cases/export", summary: "The case list as a CSV file: the same filters and scoping as GET /cases, every matching case, streamed", description: CSV_EXPORT_DESCRIPTION, tag: "Cases", query: CaseListQuery.omit({ page: true, pageSize: true }), fileResponse: ["text/csv"], errors: [422] },
  { method: "get", path: "/cases/{id}", summary: "One case with its version and the caller's available actions; another country's answers 404", tag: "Cases", response: CaseView, errors: [404] },
  { method: "get", path: "/cases/{id}/events", summary: "The case's timeline (partners see partner-visible milestones and comments only)", tag: "Cases", response: z.object({ items: z.array(CaseEventView) }), errors: [404] },
  { method: "get", path: "/cases/{id}/prediction", summary: "When to expect what: each remaining step's predicted date from the agency's last 12 months (medians, with their basis), the offer date against the LOR-to-offer target with an at-risk flag and its cause, the notification clearance and the first delivery; 'not enough history' where fewer than 5 past cases; partners see U.S. Government reviews as one step", tag: "Cases", response: CasePredictionView, errors: [404] },
  { method: "get", path: "/cases/{id}/timeline", summary: "The story of the purchase, letter of request to closure: the letters' and the case's steps (documents, reviews, notification, money, deliveries, discrepancy reports, closure) merged oldest first, each with its kind and stage; partners see what the case timeline shows them", tag: "Cases", response: PurchaseTimelineView, errors: [404] },
  { method: "get", path: "/cases/{id}/audit", summary: "The case's hash-chained audit events and the verification result", tag: "Cases", response: CaseAuditView, errors: [403, 404] },
  { method: "get", path: "/cases/{id}/evidence", summary: "The case's evidence bundle (caseway.evidence/1): the offered PDFs, the signed decision statements, their public keys and the audit chain with its head hash; partners get their own country's cases, with the events hidden from them as hashes only", description: "Check it offline with `node scripts/verify-evidence.mjs <file>` (docs/evidence.md, ADR 0031).", tag: "Cases", fileResponse: ["application/json"], errors: [404] },
  { method: "get", path: "/tasks", summary: "My tasks: reviews and case steps waiting on your office, with due dates and aging", tag: "Cases", description: "Paginated (`page`, `pageSize`), earliest due first; `summary` counts the whole inbox by aging.", query: TaskListQuery, response: page(InboxItemView).extend({ summary: TaskSummaryView }), errors: [403, 422] },
  { method: "get", path: "/lor-tasks", summary: "Letters of request waiting for your validation, earliest due first (DSCA: every one; an agency's case managers: those routed to their agency)", tag: "Validation", description: "Submitted and under-validation letters with their validation clock, paginated (`page`, `pageSize`); `overdue` counts those past their validation target. Other inbox roles get an empty list.", query: TaskSectionQuery, response: LorTaskPageView, errors: [403, 422] },
  { method: "get", path: "/change-tasks", summary: "Amendments and Modifications submitted to DSCA and waiting for its approval, longest waiting first (DSCA analysts)", tag: "LOA", description: "Paginated (`page`, `pageSize`). Other inbox roles get an empty list.", query: TaskSectionQuery, response: ChangeTaskPageView, errors: [403, 422] },
  { method: "get", path: "/offered-amendments", summary: "Amendments offered to your country and waiting for your acceptance, oldest offer first (partner officers)", tag: "LOA", description: "Paginated (`page`, `pageSize`). Other roles get an empty list.", query: TaskSectionQuery, response: OfferedAmendmentPageView, errors: [422] },
  { method: "get", path: "/cases/{id}/loa", summary: "The working LOA: the draft (basic LOA or a change), or the document in force that a save turns into an Amendment or Modification (USG staff)", tag: "LOA", response: WorkingLoaView, errors: [403, 404] },
  { method: "put", path: "/cases/{id}/loa", summary: "Save the whole working LOA draft, version-checked; after acceptance this starts an Amendment or Modification and enforces the rate lock", description: "Send `expectedVersion` from GET /cases/{id}/loa. Invalid content answers 422 with a message per field (`lines.2.quantity`), and nothing is saved.", tag: "LOA", body: LoaDraftInput, response: DocumentView, errors: [403, 404, 409, 422] },
  { method: "get", path: "/cases/{id}/documents", summary: "The case's LOA documents (basic LOA, Amendments, Modifications); partners see offered ones only", tag: "LOA", response: z.object({ items: z.array(DocumentSummaryView) }), errors: [404] },
  { method: "get", path: "/cases/{id}/documents/compare", summary: "Two versions of the LOA side by side: lines added, removed and changed with each field before and after, each line's price effect, the case value and the congressional-notification effect", description: "`from` and `to` are document numbers (GET /cases/{id}/documents); left out, `from` is the document in force and `to` the latest version. Each version is priced on its own pricing day. Partners compare offered documents only (another number answers 404) and get no internal notes and no change classification.", tag: "LOA", query: CompareDocumentsQuery, response: DocumentComparisonView, errors: [404, 422] },
  { method: "get", path: "/cases/{id}/documents/{number}", summary: "One document version with its lines, every charge, the notification determination and the payment schedule", tag: "LOA", response: DocumentView, errors: [404] },
  { method: "get", path: "/cases/{id}/documents/{number}/pdf", summary: "The document as a PDF: once offered, the stored file whose SHA-256 is on record (X-Content-Sha256); before, a DRAFT render", tag: "LOA", fileResponse: ["application/pdf"], errors: [404] },
  ...DOCUMENT_ACTIONS.map((action): Operation => ({
    method: "post",
    path: `/cases/{id}/documents/{number}/actions/${action}`,
    summary: DOCUMENT_ACTION_LABELS[action],
    description: "Amendments and Modifications only (the basic LOA moves with the case's workflow actions). Send the document's `version` as `expectedVersion`; its `availableActions` lists what you may do now.",
    tag: "LOA",
    body: DOCUMENT_ACTION_INPUTS[action],
    response: DocumentView,
    errors: [403, 404, 409, 422],
  })),
  { method: "post", path: "/pricing/quote", summary: "What-if pricing: lines in, every charge and the congressional-notification determination out, at the rates in force on `pricedOn`", tag: "LOA", body: PricingQuoteInput, response: PricingQuoteView, errors: [422] },
  // Money after the offer (ADR 0017): the account, payments, statements and their PDFs.
  { method: "get", path: "/cases/{id}/finances", summary: "The case's money: initial deposit due and received, statements with what is unpaid on each, payments, balance, arrears and the next due date", tag: "Billing", response: CaseFinancesView, errors: [404] },
  { method: "post", path: "/cases/{id}/payments", summary: "Record a payment received (finance officers); it may cover part of a statement", description: "Amounts are exact US dollars with at most two decimals; the value date cannot be in the future; `statementId` (optional) names the statement the remittance quoted. Money is applied to the oldest amount billed first.", tag: "Billing", body: PaymentInput, response: PaymentResult, status: 201, idempotent: true, errors: [400, 403, 404, 409, 422] },
  { method: "get", path: "/cases/{id}/statements/{statementId}/pdf", summary: "A billing statement as a PDF (DD 645-style); the same statement always gives the same bytes (X-Content-Sha256)", tag: "Billing", fileResponse: ["application/pdf"], errors: [404] },
  { method: "post", path: "/statements/issue", summary: "Issue now the statements the day calls for (finance officers); the daily job does the same, and a case never gets its statement twice", tag: "Billing", response: IssueStatementsResult, errors: [403] },
  // Execution per LOA line (ADR 0017): contracts, requisitions, shipments, services and supply/services complete.
  { method: "get", path: "/cases/{id}/execution", summary: "The LOA in force's lines with ordered, shipped and delivered against the LOA, and their contracts, requisitions, shipments (tracking references) and services; partners do not see contract amounts", tag: "Execution", response: ExecutionView, errors: [404] },
  { method: "post", path: "/cases/{id}/lines/{lineNumber}/obligations", summary: "Record a contract award (obligation) on a line (the agency's case manager)", description: "While the case is implemented or executing. The award date cannot be in the future; the line's obligations cannot exceed its value.", tag: "Execution", body: RecordObligationInput, response: ObligationView, status: 201, errors: [400, 403, 404, 409, 422] },
  { method: "post", path: "/cases/{id}/lines/{lineNumber}/requisitions", summary: "Requisition against a blanket order line's remaining value (the partner or the agency)", description: "The amount is quantity × unit price. A requisition over what the line has left answers 409 with `remaining` (US dollars); concurrent requisitions are checked one after another, so a line is never overdrawn. The document number is MILSTRIP's 14 characters: the agency's service code, the country code, three codes, the ordinal date (YDDD) and a serial.", tag: "Execution", body: SubmitRequisitionInput, response: RequisitionView, status: 201, idempotent: true, errors: [400, 403, 404, 409, 422] },
  { method: "post", path: "/cases/{id}/lines/{lineNumber}/shipments", summary: "Record a shipment on a line (the agency's case manager); on a blanket line, against one of its requisitions", description: "The quantity cannot exceed what remains unshipped on the line (articles) or the requisition (blanket; the requisition is marked shipped once filled). The ship date cannot be in the future.", tag: "Execution", body: RecordShipmentInput, response: ShipmentView, status: 201, errors: [400, 403, 404, 409, 422] },
  { method: "post", path: "/cases/{id}/lines/{lineNumber}/services", summary: "Record months or events of service performed on a services line (the agency's case manager)", description: "Not beyond the months or events the LOA gives, nor the line's value; the period cannot end in the future.", tag: "Execution", body: RecordServiceInput, response: ServiceRecordView, status: 201, errors: [400, 403, 404, 409, 422] },
  { method: "post", path: "/cases/{id}/lines/{lineNumber}/completion", summary: "Declare a line supply/services complete, or cancel it (the agency's case manager)", description: "SSC needs the line accounted for (articles delivered, blanket requisitions shipped and none open, services performed) or a `reason`; the refusal names every unmet condition. Cancelling always needs a reason. Open requisitions are cancelled with the line. The last open line moves the case to Supply/Services Complete.", tag: "Execution", body: CompleteLineInput, response: CompleteLineResult, errors: [400, 403, 404, 409, 422] },
  { method: "post", path: "/cases/{id}/shipments/{shipmentId}/status", summary: "Move a shipment forward: in transit (the agency), or received with the date and who received it (the partner or the agency)", description: "Shipped → in transit → received, or shipped → received; never back. Send the shipment's `version` as `expectedVersion` (409 when stale). The date received cannot be in the future or before the ship date.", tag: "Execution", body: UpdateShipmentStatusInput, response: ShipmentView, errors: [400, 403, 404, 409, 422] },
  // Supply Discrepancy Reports (ADR 0017): the partner files against a received shipment, the agency decides.
  { method: "get", path: "/cases/{id}/sdrs", summary: "The case's supply discrepancy reports, newest first, with the agency's decision clock on open ones", tag: "Supply discrepancy reports", query: SdrListQuery, response: CaseSdrListView, errors: [404, 422] },
  { method: "post", path: "/cases/{id}/sdrs", summary: "File a supply discrepancy report against a received shipment (partner officers)", description: "Refused (422, each broken rule named on its field with the policy row and its source): a shipment not received, the filing window from the receipt date passed (SDR_FILING_WINDOW), a value under the minimum unless `informationOnly` (SDR_MINIMUM_VALUE), a quantity or value above the shipment's. `quantityAffected` may be left out for billing errors only. Add photos and documents with POST /cases/{id}/sdrs/{number}/attachments. The agency's decision falls due by SDR_DECISION.", tag: "Supply discrepancy reports", body: FileSdrInput, response: SdrView, status: 201, errors: [400, 403, 404, 409, 422] },
  { method: "get", path: "/cases/{id}/sdrs/{number}", summary: "One report: shipment, decision, reconsideration window, attachments, comments (partners: the partner-visible ones) and history", tag: "Supply discrepancy reports", response: SdrView, errors: [404] },
  { method: "post", path: "/cases/{id}/sdrs/{number}/decision", summary: "Decide a report (the implementing agency's case manager): credit, replacement, repair and return, or rejection", description: "Send the report's `version` as `expectedVersion`. A credit needs `creditAmount` (at most the value affected; the case's billing counts it as a credit); a rejection needs a `reason`. The decision on a reconsideration is final and closes the report.", tag: "Supply discrepancy reports", body: DecideSdrInput, response: SdrView, errors: [400, 403, 404, 409, 422] },
  { method: "post", path: "/cases/{id}/sdrs/{number}/acceptance", summary: "Accept the agency's decision as final, closing the report (partner officers)", description: "Send the report's `version` as `expectedVersion`. Gives up the reconsideration the partner could still ask for; the report no longer holds up the case's closure. Only a decided report can be accepted (409 otherwise).", tag: "Supply discrepancy reports", body: AcceptSdrDecisionInput, response: SdrView, errors: [400, 403, 404, 409, 422] },
  { method: "post", path: "/cases/{id}/sdrs/{number}/reconsideration", summary: "Ask once for the decision to be reconsidered, with a reason (partner officers)", description: "Within the SDR_RECONSIDERATION window counted from the decision; a second request, or a late one, answers 409 naming the rule. The report goes back to the agency with a new decision target.", tag: "Supply discrepancy reports", body: ReconsiderSdrInput, response: SdrView, errors: [400, 403, 404, 409, 422] },
  { method: "get", path: "/cases/{id}/sdrs/{number}/comments", summary: "The report's comments; partners get the partner-visible ones only", tag: "Supply discrepancy reports", response: list(SdrCommentView), errors: [404] },
  { method: "post", path: "/cases/{id}/sdrs/{number}/comments", summary: "Comment on a report: U.S. Government staff choose USG_INTERNAL (default) or PARTNER_VISIBLE; a partner's comments are visible to them", tag: "Supply discrepancy reports", body: SdrCommentInput, response: SdrCommentView, status: 201, errors: [400, 403, 404, 422] },
  { method: "get", path: "/cases/{id}/sdrs/{number}/attachments", summary: "The report's photos and documents", tag: "Supply discrepancy reports", response: list(SdrAttachmentView), errors: [404] },
  { method: "post", path: "/cases/{id}/sdrs/{number}/attachments", summary: "Add photos (PNG, JPEG) or PDFs, judged by content, at most 10 MB a request and 20 a report (the partner, or the deciding agency), until the report is closed", tag: "Supply discrepancy reports", uploadFiles: true, response: SdrView, status: 201, errors: [400, 403, 404, 409, 413, 415, 422] },
  { method: "get", path: "/cases/{id}/sdrs/{number}/attachments/{attachmentId}", summary: "Download a report's photo or document", tag: "Supply discrepancy reports", fileResponse: ["application/pdf", "image/png", "image/jpeg"], errors: [404] },
  { method: "get", path: "/sdr-tasks", summary: "Supply discrepancy reports waiting on your agency (agency case managers), earliest due first", description: "Submitted reports and reconsideration requests on your agency's cases, paginated (`page`, `pageSize`); `overdue` counts those past their due date. Other roles get an empty list.", tag: "Supply discrepancy reports", query: SdrTaskQuery, response: SdrTaskPageView, errors: [422] },
  // Reconciliation and closure (ADR 0017): readiness, the annual case review and the closure certificate. Submitting the
  // certificate, closing and reopening are the case actions submit-closure, close and reopen.
  { method: "get", path: "/cases/{id}/closure", summary: "Closure readiness computed from the data: every criterion with its numbers (lines SSC, open SDRs, unliquidated obligations, final bill against collections and credits, the 24-month ACC target, the annual review) and every reason the case cannot close yet", tag: "Closure", response: ClosureView, errors: [404] },
  { method: "post", path: "/cases/{id}/annual-reviews", summary: "Complete this year's annual case review (the agency's case manager): LOA against deliveries and contracts, payment schedule adjusted", description: "Once per case and calendar year (409 for a second), while the case is implemented and until it closes. An item not confirmed needs `notes`.", tag: "Closure", body: AnnualReviewInput, response: ClosureView, status: 201, errors: [400, 403, 404, 409, 422] },
  { method: "get", path: "/cases/{id}/closure-certificate", summary: "The closed case's closure certificate as a PDF; the same bytes on every download, with the SHA-256 recorded on the audit trail at closing (X-Content-Sha256)", tag: "Closure", fileResponse: ["application/pdf"], errors: [404] },
  ...ACTOR_EVENTS.map((event): Operation => {
    const definition: CaseEventDefinition = CASE_EVENTS[event];
    return {
      method: "post",
      path: `/cases/{id}/actions/${event}`,
      summary: `${definition.label}${definition.commentRequired ? " (comment required)" : ""}`,
      description:
        `Fires the workflow event \`${event}\` from ${definition.from.join(", ")}. Send \`expectedVersion\` from GET /cases/{id}; the case's \`availableActions\` lists what you may fire now.` +
        (isBindingEvent(event)
          ? " A binding step: send `acknowledgedDocument` (the number, version and PDF SHA-256 of the LOA document you reviewed, from GET /cases/{id}/documents) so that it is refused with 409 if that document has changed since."
          : "") +
        (event === "review-not-required"
          ? " DSCA records that the State or DTSA review of the current round is not required, with the reason as `comment` (never shown to the partner); the case is ready to sign once every remaining review has concurred."
          : ""),
      tag: "Case actions",
      body: CASE_ACTION_INPUTS[event],
      response: CaseView,
      idempotent: true,
      errors: [400, 403, 404, 409, 422],
    };
  }),
];

const STATUS_TEXT: Record<number, string> = {
  400: "Malformed request (not JSON, wrong content type)",
  401: "No valid session or API token",
  403: "Your role may not do this",
  404: "Not found, or belongs to another country",
  409: "Conflict: the record changed since you read it (currentVersion says what it is now), or a duplicate",
  422: "Validation failed: `fields` names each problem",
  413: "The upload is larger than 10 MB",
  415: "Not a multipart upload",
  429: "Too many failed authentications from your address (see Retry-After)",
  503: "Database unavailable",
};

type JsonSchema = Record<string, unknown>;

/**
 * zod names schemas that carry a `meta({ id })` under a local `$defs`; OpenAPI resolves references from the document
 * root, so the definitions move to `components.schemas` and every reference is rewritten to point there.
 */
function schemaConverter(components: Record<string, JsonSchema>) {
  return (schema: Schema, io: "input" | "output"): JsonSchema => {
    const out = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema;
    delete out.$schema;
    const defs = (out.$defs ?? {}) as Record<string, JsonSchema>;
    delete out.$defs;
    const relink = (value: JsonSchema) =>
      JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema;
    for (const [name, definition] of Object.entries(defs)) components[name] ??= relink(definition);
    return relink(out);
  };
}

export function buildOpenApiDocument() {
  const components: Record<string, JsonSchema> = {};
  const jsonSchema = schemaConverter(components);
  jsonSchema(ErrorBody, "output"); // registers components.schemas.Error
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const parameters: unknown[] = [];
    for (const match of op.path.matchAll(/\{(\w+)\}/g)) {
      const name = match[1]!;
      const schema = name === "id" || name.endsWith("Id") ? { type: "string", format: "uuid" } : name === "number" ? { type: "integer", minimum: 1 } : { type: "string" };
      parameters.push({ name, in: "path", required: true, schema });
    }
    if (op.idempotent) {
      parameters.push({
        name: "Idempotency-Key",
        in: "header",
        required: false,
        description: "Any unique string (e.g. a UUID). A retry with the same key and body has one effect and returns the first answer, with `Idempotent-Replayed: true`.",
        schema: { type: "string", maxLength: 200 },
      });
    }
    if (op.query) {
      for (const [name, field] of Object.entries(op.query.shape)) {
        parameters.push({ name, in: "query", required: false, schema: jsonSchema(field as Schema, "input") });
      }
    }
    const errors = [...new Set([...(op.auth === false ? [] : [401, 429]), ...(op.errors ?? [])])].sort();
    const responses: Record<string, unknown> = {
      [String(op.status ?? 200)]: {
        description: "Success",
        ...(op.response ? { content: { "application/json": { schema: jsonSchema(op.response, "output") } } } : {}),
        ...(op.fileResponse
          ? { content: Object.fromEntries(op.fileResponse.map((type) => [type, { schema: { type: "string", contentMediaType: type } }])) }
          : {}),
      },
    };
    for (const code of errors) {
      responses[String(code)] = {
        description: STATUS_TEXT[code] ?? "Error",
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      };
    }
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      tags: [op.tag],
      operationId: `${op.method}${op.path.replace(/\{(\w+)\}/g, "By_$1").replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
      ...(op.auth === false ? { security: [] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(op.body
        ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body, "input") } } } }
        : {}),
      ...(op.upload
        ? {
            requestBody: {
              required: true,
              content: {
                "multipart/form-data": {
                  schema: {
                    type: "object",
                    required: ["file", "kind"],
                    properties: {
                      file: { type: "string", contentMediaType: "application/octet-stream", description: "PDF, PNG or JPEG, at most 10 MB" },
                      kind: jsonSchema(AttachmentKindSchema, "input"),
                    },
                  },
                },
              },
            },
          }
        : {}),
      ...(op.uploadFiles
        ? {
            requestBody: {
              required: true,
              content: {
                "multipart/form-data": {
                  schema: {
                    type: "object",
                    required: ["file"],
                    properties: {
                      file: {
                        type: "array",
                        items: { type: "string", contentMediaType: "application/octet-stream" },
                        description: "One or more `file` fields: PNG or JPEG photos, or PDFs",
                      },
                    },
                  },
                },
              },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Caseway API",
      version: "1.0.0",
      description:
        "Foreign Military Sales case management. Authenticate with a personal API token (`Authorization: Bearer cwt_…`, created on your profile page) or a browser session. Errors always have the shape `{ \"error\": { \"code\", \"message\", \"fields\"? } }`.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
    components: {
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "A personal API token" },
        sessionCookie: { type: "apiKey", in: "cookie", name: "authjs.session-token" },
      },
      schemas: components,
    },
    paths,
  };
}

export const API_OPERATIONS = OPERATIONS.map(({ method, path, auth }) => ({ method, path, auth: auth !== false }));
