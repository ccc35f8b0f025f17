// The service's REST API (docs/session-api.md). Every failure becomes an ApiFailure with the server's message.

export class ApiFailure extends Error {
  constructor(status, message, field) {
    super(message);
    this.status = status;
    this.field = field ?? null;
  }
}

async function request(method, path, { body, token } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiFailure(0, 'The service cannot be reached. Is it still running?');
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = null; }
  }
  if (!response.ok) {
    const message = data?.message ?? `${method} ${path} answered ${response.status}`;
    throw new ApiFailure(response.status, message, data?.field);
  }
  return data;
}

export const api = {
  loops: () => request('GET', '/api/loops'),
  status: () => request('GET', '/api/status'),
  createSession: (loop, round, mode) => request('POST', '/api/sessions', { body: { loop, round, mode } }),
  session: (id, token) => request('GET', `/api/sessions/${encodeURIComponent(id)}`, { token }),
  act: (id, token, body) => request('POST', `/api/sessions/${encodeURIComponent(id)}/messages`, { body, token }),
  report: (id, token) => request('GET', `/api/sessions/${encodeURIComponent(id)}/report`, { token }),
  note: (note) => request('GET', `/api/notes/${encodeURIComponent(note)}`),
  history: () => request('GET', '/api/history'),
  progress: () => request('GET', '/api/progress'),
  practicePlan: () => request('GET', '/api/practice'),
  startPractice: (mode) => request('POST', '/api/practice', { body: { mode } }),
};
