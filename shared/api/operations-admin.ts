import { z } from 'zod';
import { createUserBody, dayQuery, reportRangeQuery, staffingQuery } from '../schemas.ts';
import {
  auditQuery,
  createBroadcastBody,
  createCounterBody,
  createServiceBody,
  createSignageBody,
  createStoreBody,
  pairDeviceBody,
  storeSettingsPatch,
  updateCounterBody,
  updateServiceBody,
  updateSignageBody,
  updateUserBody,
  userListQuery,
} from './admin-bodies.ts';
import { adminStoreSchema, auditEntrySchema } from './admin-schemas.ts';
import { counterSchema, deviceSchema, serviceSchema, userSchema } from './line-schemas.ts';
import type { OperationDocs } from './operation.ts';
import { okSchema } from './operations-line.ts';
import { dashboardSchema, myDaySchema, staffingSchema, summarySchema } from './report-schemas.ts';
import type { OperationId } from './routes.ts';
import { broadcastSchema, MEDIA_UPLOAD_TYPES, signageItemSchema, uploadedMediaSchema } from './signage-schemas.ts';
import {
  createWebhookBody,
  updateWebhookBody,
  webhookDeliveriesQuery,
  webhookDeliverySchema,
  webhookSchema,
} from './webhook-schemas.ts';

/** The longest report range in days (server/reports/report-range.ts's MAX_RANGE_DAYS). */
const MAX_RANGE_DAYS = 366;
const MANAGER_ERRORS = {
  401: 'not signed in',
  403: 'not a manager of this store',
  404: 'unknown store',
  422: `invalid range: not real dates, \`from\` after \`to\`, or more than ${MAX_RANGE_DAYS} days`,
} as const;
const ADMIN_ERRORS = {
  401: 'not signed in',
  403: 'not allowed (role or store)',
  404: 'unknown store or item',
  422: 'invalid input',
} as const;

const storeAnswer = z.strictObject({ store: adminStoreSchema });
const serviceAnswer = z.strictObject({ service: serviceSchema });
const counterAnswer = z.strictObject({ counter: counterSchema });
const userAnswer = z.strictObject({ user: userSchema });
const itemAnswer = z.strictObject({ item: signageItemSchema });
const broadcastAnswer = z.strictObject({ broadcast: broadcastSchema });
const DEVICE_HEALTH = ['online', 'stale', 'offline', 'revoked'] as const;

/** Reports, staffing, the dashboard, and everything under `/api/admin/…`. */
export const adminDocs = {
  summaryReport: {
    summary: `Measures (waits, service level, throughput, satisfaction…) overall and per day, hour, service, counter and operator; at most ${MAX_RANGE_DAYS} days per report`,
    tag: 'reports',
    query: reportRangeQuery,
    response: summarySchema,
    responses: { 200: 'the summary', ...MANAGER_ERRORS },
  },
  ticketsCsv: {
    summary: `One CSV row per ticket issued in the range (RFC 4180, UTF-8, header row); at most ${MAX_RANGE_DAYS} days`,
    tag: 'reports',
    query: reportRangeQuery,
    produces: 'text/csv',
    response: z.string(),
    responses: { 200: 'the CSV file', ...MANAGER_ERRORS },
  },
  staffing: {
    summary:
      'Recommended counters now (recent arrival rate, with the simulated effect of one counter more or fewer) and per 15-minute interval of a day (forecast from the same weekday of recent weeks)',
    tag: 'insight',
    query: staffingQuery,
    response: staffingSchema,
    responses: {
      200: "{date, now, intervals, hours}. counters: Erlang C's fewest meeting the service-level goal in the long run, with its pWait, serviceLevel and averageWaitSec; quartersMeetingGoal / quartersWithOneMore: simulated share of quarter hours meeting the goal with those counters / one more (null for very large lines)",
      ...MANAGER_ERRORS,
      422: 'invalid date',
    },
  },
  listStores: {
    summary: 'Stores the caller manages, with every service and counter',
    tag: 'admin',
    response: z.strictObject({ stores: z.array(adminStoreSchema) }),
    responses: { 200: '{stores}', ...ADMIN_ERRORS },
  },
  createStore: {
    summary: 'Create a store (no services or counters yet)',
    tag: 'admin',
    body: createStoreBody,
    response: storeAnswer,
    responses: { 201: '{store}', 409: 'slug in use', ...ADMIN_ERRORS },
  },
  getStore: {
    summary: 'One store with every service and counter',
    tag: 'admin',
    response: storeAnswer,
    responses: { 200: '{store}', ...ADMIN_ERRORS },
  },
  updateStore: {
    summary: 'Change store settings (name, time zone, languages, service level, hours, priority ratio, phone joining)',
    tag: 'admin',
    body: storeSettingsPatch,
    response: storeAnswer,
    responses: { 200: '{store}', ...ADMIN_ERRORS },
  },
  createService: {
    summary: 'Add a service',
    tag: 'admin',
    body: createServiceBody,
    response: serviceAnswer,
    responses: { 201: '{service}', 409: 'id in use', ...ADMIN_ERRORS },
  },
  updateService: {
    summary: 'Change a service (code, names, order, active)',
    tag: 'admin',
    body: updateServiceBody,
    response: serviceAnswer,
    responses: { 200: '{service}', ...ADMIN_ERRORS },
  },
  createCounter: {
    summary: 'Add a counter (it starts closed)',
    tag: 'admin',
    body: createCounterBody,
    response: counterAnswer,
    responses: { 201: '{counter}', 409: 'id in use', ...ADMIN_ERRORS },
  },
  updateCounter: {
    summary: 'Change a counter (name, services, active)',
    tag: 'admin',
    body: updateCounterBody,
    response: counterAnswer,
    responses: { 200: '{counter}', 409: 'busy counter cannot be deactivated', ...ADMIN_ERRORS },
  },
  listUsers: {
    summary: 'Staff accounts (a manager sees those of their stores)',
    tag: 'admin',
    query: userListQuery,
    response: z.strictObject({ users: z.array(userSchema) }),
    responses: { 200: '{users}', ...ADMIN_ERRORS },
  },
  createUser: {
    summary: 'Create a staff account (managers: operators of their stores)',
    tag: 'admin',
    body: createUserBody,
    response: userAnswer,
    responses: { 201: '{user}', 409: 'username taken', ...ADMIN_ERRORS },
  },
  updateUser: {
    summary: 'Change role, stores, active or password',
    tag: 'admin',
    body: updateUserBody,
    response: userAnswer,
    responses: { 200: '{user}', ...ADMIN_ERRORS },
  },
  listDevices: {
    summary: 'Paired devices with their health (online / stale / offline)',
    tag: 'admin',
    response: z.strictObject({ devices: z.array(deviceSchema.extend({ status: z.enum(DEVICE_HEALTH) })) }),
    responses: { 200: '{devices}', ...ADMIN_ERRORS },
  },
  pairDevice: {
    summary: 'Pair a kiosk or screen by the one-time code it shows',
    tag: 'admin',
    body: pairDeviceBody,
    response: z.strictObject({ device: deviceSchema }),
    responses: { ...ADMIN_ERRORS, 201: '{device}', 404: 'unknown store, or no pending pairing with that code' },
  },
  revokeDevice: {
    summary: 'Revoke a device (its token stops working)',
    tag: 'admin',
    response: okSchema,
    responses: { 200: '{ok}', ...ADMIN_ERRORS },
  },
  listSignage: {
    summary: 'Every signage item (active or not) in playing order',
    tag: 'admin',
    response: z.strictObject({ items: z.array(signageItemSchema) }),
    responses: { 200: '{items}', ...ADMIN_ERRORS },
  },
  createSignage: {
    summary: 'Add a text slide, image or video with order and weekday/time windows',
    tag: 'admin',
    body: createSignageBody,
    response: itemAnswer,
    responses: { 201: '{item}', ...ADMIN_ERRORS },
  },
  updateSignage: {
    summary: 'Change a signage item',
    tag: 'admin',
    body: updateSignageBody,
    response: itemAnswer,
    responses: { 200: '{item}', ...ADMIN_ERRORS },
  },
  deleteSignage: {
    summary: 'Remove a signage item',
    tag: 'admin',
    response: okSchema,
    responses: { 200: '{ok}', ...ADMIN_ERRORS },
  },
  uploadMedia: {
    summary: `Upload an image or video as the raw body (Content-Type one of ${MEDIA_UPLOAD_TYPES.join(', ')}; at most 50 MiB)`,
    tag: 'admin',
    consumes: MEDIA_UPLOAD_TYPES,
    response: uploadedMediaSchema,
    responses: { 201: '{url, kind, file}', 413: 'file too large', 415: 'unsupported media type', ...ADMIN_ERRORS },
  },
  listBroadcasts: {
    summary: 'Recent broadcasts, newest first',
    tag: 'admin',
    response: z.strictObject({ broadcasts: z.array(broadcastSchema) }),
    responses: { 200: '{broadcasts}', ...ADMIN_ERRORS },
  },
  createBroadcast: {
    summary: 'Show a message on every screen until it expires',
    tag: 'admin',
    body: createBroadcastBody,
    response: broadcastAnswer,
    responses: { 201: '{broadcast}', ...ADMIN_ERRORS },
  },
  endBroadcast: {
    summary: 'End a broadcast now',
    tag: 'admin',
    response: broadcastAnswer,
    responses: { 200: '{broadcast}', ...ADMIN_ERRORS },
  },
  listWebhooks: {
    summary: 'Outgoing webhooks of the store (with the secret each receiver verifies signatures with)',
    tag: 'admin',
    response: z.strictObject({ webhooks: z.array(webhookSchema) }),
    responses: { 200: '{webhooks}', ...ADMIN_ERRORS },
  },
  createWebhook: {
    summary: 'Send ticket and counter events to an address, signed with HMAC-SHA256 (events: all when empty)',
    tag: 'admin',
    body: createWebhookBody,
    response: z.strictObject({ webhook: webhookSchema }),
    responses: { 201: '{webhook}', ...ADMIN_ERRORS },
  },
  updateWebhook: {
    summary: 'Change a webhook’s address or events, or turn it off and on',
    tag: 'admin',
    body: updateWebhookBody,
    response: z.strictObject({ webhook: webhookSchema }),
    responses: { 200: '{webhook}', ...ADMIN_ERRORS },
  },
  webhookDeliveries: {
    summary: 'The delivery log: newest deliveries first, with attempts and the last answer',
    tag: 'admin',
    query: webhookDeliveriesQuery,
    response: z.strictObject({ deliveries: z.array(webhookDeliverySchema) }),
    responses: { 200: '{deliveries}', ...ADMIN_ERRORS },
  },
  auditLog: {
    summary: 'Recent audit log of the store (admin changes, out-of-order calls)',
    tag: 'admin',
    query: auditQuery,
    response: z.strictObject({ entries: z.array(auditEntrySchema) }),
    responses: { 200: '{entries}', ...ADMIN_ERRORS },
  },
  dashboard: {
    summary: 'Arrivals and served per 15 minutes and the wait distribution of a local day (default today)',
    tag: 'admin',
    query: dayQuery,
    response: dashboardSchema,
    responses: { 200: '{day, bins, waitHistogram}', ...ADMIN_ERRORS },
  },
  myDay: {
    summary: 'The signed-in operator’s own figures today (calls, served, no-shows, average service time)',
    tag: 'counters',
    response: myDaySchema,
    responses: { 200: '{day, figures}', 401: 'not signed in', 403: 'not staff of this store', 404: 'unknown store' },
  },
} as const satisfies Partial<Record<OperationId, OperationDocs>>;
