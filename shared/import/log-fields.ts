/** The fields a log entry can have, in the order the mapping editor shows them. */
export const LOG_FIELDS = ['timestamp', 'account', 'apiKey', 'ip', 'userAgent', 'endpoint', 'model', 'prompt', 'promptHash', 'tokensIn', 'tokensOut', 'requestId', 'status'] as const;
export type LogField = (typeof LOG_FIELDS)[number];

/** Field → the column (header name or JSON key path) it is read from. */
export type FieldMapping = Partial<Record<LogField, string>>;

export const LOG_FIELD_LABELS: Record<LogField, string> = {
  timestamp: 'Timestamp',
  account: 'Account',
  apiKey: 'API key',
  ip: 'IP address',
  userAgent: 'User agent',
  endpoint: 'Endpoint',
  model: 'Model',
  prompt: 'Prompt',
  promptHash: 'Prompt hash',
  tokensIn: 'Tokens in',
  tokensOut: 'Tokens out',
  requestId: 'Request id',
  status: 'Status',
};

const ALIASES: Record<LogField, string[]> = {
  timestamp: ['timestamp', 'time', 'ts', 'created_at', 'created', 'datetime', 'date', 'event_time', 'request_time'],
  account: ['account', 'account_id', 'user', 'user_id', 'org', 'org_id', 'organization', 'organization_id', 'customer_id'],
  apiKey: ['api_key', 'key_id', 'api_key_id', 'apikey', 'key', 'key_hash'],
  ip: ['ip', 'client_ip', 'remote_addr', 'ip_address', 'source_ip', 'src_ip', 'remote_ip'],
  userAgent: ['user_agent', 'ua', 'useragent', 'http_user_agent', 'client'],
  endpoint: ['endpoint', 'path', 'route', 'url', 'request_path'],
  model: ['model', 'model_id', 'model_name'],
  prompt: ['prompt', 'input', 'messages', 'prompt_text', 'request_body', 'query'],
  promptHash: ['prompt_hash', 'prompt_sha256', 'input_hash', 'prompt_digest'],
  tokensIn: ['tokens_in', 'prompt_tokens', 'input_tokens', 'tokens_prompt'],
  tokensOut: ['tokens_out', 'completion_tokens', 'output_tokens', 'tokens_completion'],
  requestId: ['request_id', 'req_id', 'requestid', 'trace_id', 'id'],
  status: ['status', 'status_code', 'http_status', 'response_status', 'code'],
};

/** `Client IP`, `clientIp`, `client-ip` and `client_ip` all become `client_ip`. */
export function normalizeColumnName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/^@/, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/** Maps each field to the first column whose name (or last key segment) is one of its aliases. */
export function autoMapFields(columns: readonly string[]): FieldMapping {
  const mapping: FieldMapping = {};
  const taken = new Set<string>();
  for (const field of LOG_FIELDS) {
    const column = columns.find((c) => {
      if (taken.has(c)) return false;
      const whole = normalizeColumnName(c);
      const last = normalizeColumnName(c.split('.').pop() ?? c);
      return ALIASES[field].includes(whole) || ALIASES[field].includes(last);
    });
    if (column !== undefined) {
      mapping[field] = column;
      taken.add(column);
    }
  }
  return mapping;
}

export function isKnownColumnName(name: string): boolean {
  const n = normalizeColumnName(name);
  return LOG_FIELDS.some((f) => ALIASES[f].includes(n));
}
