// Deterministic API-gateway rows for benchmarks: the same shape as the demo
// export, about 300 bytes a row, made on the fly rather than stored.

const AGENTS = ['openai-python/1.54.3', 'python-httpx/0.27.0 harvest-runner/2.1', 'node-fetch/3.3.2', 'curl/8.5.0'];
export const PROMPTS = [
  'Explain binary search trees step by step. Think carefully and show your reasoning before the final answer.',
  'Summarise this customer email and suggest a polite reply to the sender.',
  'Write a SQL query that returns the ten most recent orders per customer.',
  '请一步一步解释光合作用，并给出最后的总结。',
];
const START = Date.UTC(2026, 0, 5);

export function logLine(i: number): string {
  const account = `acct_${(i % 5000).toString(16).padStart(8, '0')}`;
  return JSON.stringify({
    timestamp: new Date(START + i * 1500).toISOString(),
    request_id: `req_${i.toString(16).padStart(16, '0')}`,
    account_id: account,
    api_key_id: `key_${(i % 7919).toString(16).padStart(12, '0')}`,
    client_ip: `203.0.${(i >> 8) & 255}.${i & 255}`,
    user_agent: AGENTS[i % AGENTS.length],
    endpoint: '/v1/messages',
    model: 'atlas-2-large',
    prompt: PROMPTS[i % PROMPTS.length],
    usage: { prompt_tokens: 20 + (i % 400), completion_tokens: 100 + (i % 900) },
    status: 200,
  });
}

/** Lines [from, to) joined, each ending in a newline. */
export function logText(from: number, to: number): string {
  let text = '';
  for (let i = from; i < to; i++) text += `${logLine(i)}\n`;
  return text;
}
