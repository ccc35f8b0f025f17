// This browser's sessions and their tokens, kept in localStorage (the service keeps the history itself, GET /api/history).

const KEY = 'interview-loop.sessions.v1';
const MAX = 200;

function read() {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(list) ? list.filter((s) => s && typeof s.id === 'string') : [];
  } catch {
    return [];
  }
}

function write(list) {
  try {
    localStorage.setItem(KEY, JSON.stringify(list.slice(0, MAX)));
  } catch {
    // storage full or disabled: history is a convenience, the session itself lives on the server
  }
}

export const history = {
  all: () => read().sort((a, b) => String(b.date).localeCompare(String(a.date))),
  get: (id) => read().find((s) => s.id === id) ?? null,
  /** Adds or updates one entry (fields given replace the stored ones). */
  save(entry) {
    const list = read();
    const i = list.findIndex((s) => s.id === entry.id);
    if (i >= 0) list[i] = { ...list[i], ...entry, done: Boolean(list[i].done || entry.done) }; // a finished round stays finished
    else list.unshift(entry);
    write(list);
  },
  remove(id) {
    write(read().filter((s) => s.id !== id));
  },
};

/** The history entry for a session view the service returned (token only on creation). */
export function entryFromView(view, token) {
  return {
    id: view.id,
    ...(token ? { token } : {}),
    loop: { id: view.loop?.id, title: view.loop?.title },
    round: { id: view.round?.id, title: view.round?.title },
    persona: view.persona?.name ?? null,
    mode: view.mode,
    date: view.startedAt ?? new Date().toISOString(),
    done: Boolean(view.done),
  };
}
