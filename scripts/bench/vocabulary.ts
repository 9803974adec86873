/** Business domains of a synthetic telecom-and-retail company, as identifiers. */
export const DOMAINS: readonly string[] = [
  'party', 'customer', 'product', 'billing', 'ordering', 'payments', 'logistics', 'inventory',
  'marketing', 'sales', 'assurance', 'network', 'partner', 'workforce', 'finance', 'procurement',
  'identity', 'analytics', 'content', 'loyalty', 'fraud', 'risk', 'compliance', 'legal',
  'pricing', 'catalogue', 'fulfilment', 'support', 'field-service', 'engagement', 'usage',
  'revenue', 'collections', 'provisioning', 'devices', 'retail', 'wholesale', 'enterprise',
  'messaging', 'geography',
];

/** Business entities that APIs manage, as identifiers. */
export const ENTITIES: readonly string[] = [
  'customer', 'account', 'invoice', 'payment', 'order', 'product', 'offer', 'subscription',
  'ticket', 'appointment', 'shipment', 'address', 'contract', 'quote', 'agreement', 'bill',
  'balance', 'device', 'sim-card', 'phone-number', 'site', 'partner', 'employee', 'document',
  'consent', 'campaign', 'lead', 'opportunity', 'price', 'discount', 'voucher', 'refund',
  'dispute', 'claim', 'policy', 'incident', 'problem', 'change-request', 'work-order', 'alarm',
  'service-order', 'resource', 'stock-item', 'location', 'reservation', 'booking',
  'loyalty-card', 'reward', 'notification', 'preference', 'identity', 'credential', 'session',
  'usage-record', 'tariff', 'bundle', 'promotion', 'survey', 'feedback', 'warranty',
];

/** Suffixes that turn an entity into an API identifier. */
export const API_SUFFIXES: readonly string[] = ['api', 'management-api', 'query-api', 'events', 'gateway-api'];

/** Suffixes that turn an entity into a service identifier. */
export const SERVICE_SUFFIXES: readonly string[] = ['management', 'operations', 'lifecycle', 'hub'];

/** Free-text consumer application names (not API ids). */
export const APPLICATIONS: readonly string[] = [
  'Mobile app', 'Customer portal', 'Shop front', 'Call-centre desktop', 'Partner extranet',
  'Data warehouse', 'Field technician app', 'Retail point of sale', 'Chatbot', 'CRM',
];

/** First names for product owners. */
export const FIRST_NAMES: readonly string[] = [
  'Jeanne', 'Paul', 'Amina', 'Lucas', 'Sofia', 'Noah', 'Chloé', 'Karim', 'Ines', 'Hugo',
  'Lea', 'Tomas', 'Yara', 'Mateo', 'Nora', 'Elias',
];

/** Last names for product owners. */
export const LAST_NAMES: readonly string[] = [
  'Martin', 'Bernard', 'Dubois', 'Moreau', 'Laurent', 'Garcia', 'Nguyen', 'Schmidt', 'Rossi',
  'Kowalski', 'Silva', 'Okafor', 'Haddad', 'Larsen',
];

/** Words used to make sentences of descriptive text. */
export const NOUNS: readonly string[] = [
  'record', 'request', 'client', 'channel', 'partner', 'agent', 'system', 'catalogue', 'status',
  'history', 'reference', 'identifier', 'category', 'period', 'amount', 'currency', 'region',
  'owner', 'version', 'workflow', 'approval', 'threshold', 'schedule', 'audit trail', 'tenant',
];

/** Verbs used to make sentences of descriptive text. */
export const VERBS: readonly string[] = [
  'creates', 'updates', 'validates', 'records', 'returns', 'links', 'tracks', 'notifies',
  'archives', 'checks', 'reconciles', 'publishes', 'filters', 'groups', 'rates', 'secures',
];

/** Qualifiers used to make sentences of descriptive text. */
export const QUALIFIERS: readonly string[] = [
  'for each market', 'within one business day', 'on behalf of the customer',
  'according to the contract terms', 'when the order is confirmed', 'for audit purposes',
  'in the billing cycle', 'across every sales channel', 'before activation',
  'unless the account is suspended', 'with the consent of the party', 'in real time',
];
