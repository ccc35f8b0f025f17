// The session's WebSocket (/ws/sessions/{id}?token=...): reconnects with backoff after a drop.
// On every (re)connect the server sends {"type":"session"} with the whole transcript, so nothing is lost.

const POLICY_VIOLATION = 1008;
const NORMAL = 1000;

export class SessionSocket {
  /**
   * @param handlers {onFrame(frame), onStatus(status, detail), onFatal(message)}
   *   status: 'connecting' | 'open' | 'waiting' (detail: seconds until the next try)
   */
  constructor(sessionId, token, handlers) {
    this.url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/sessions/`
      + `${encodeURIComponent(sessionId)}?token=${encodeURIComponent(token)}`;
    this.handlers = handlers;
    this.attempt = 0;
    this.stopped = false;
    this.ws = null;
    this.timer = null;
    this.lastError = null;
    this.finished = false;
  }

  connect() {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.handlers.onStatus('connecting', this.attempt);
    const ws = new WebSocket(this.url);
    this.ws = ws;
    ws.addEventListener('open', () => {
      if (this.ws !== ws) return;
      this.handlers.onStatus('open');
    });
    ws.addEventListener('message', (event) => {
      if (this.ws !== ws) return;
      let frame;
      try { frame = JSON.parse(event.data); } catch { return; }
      if (frame.type === 'session') {
        this.attempt = 0; // a full state arrived: the connection is good
        this.lastError = null;
        this.finished = Boolean(frame.session?.done);
      }
      if (frame.type === 'state') this.finished = Boolean(frame.done);
      if (frame.type === 'error') this.lastError = frame.message;
      this.handlers.onFrame(frame);
    });
    ws.addEventListener('close', (event) => {
      if (this.ws !== ws) return;
      this.ws = null;
      if (this.stopped) return;
      if (event.code === NORMAL && this.finished) return; // the server closed a finished round: nothing more to say
      if (event.code === POLICY_VIOLATION) {
        this.stopped = true;
        this.handlers.onFatal(this.lastError ?? event.reason ?? 'The service refused this session\'s token.');
        return;
      }
      this.retry();
    });
  }

  retry() {
    const delay = Math.min(10000, 500 * 2 ** this.attempt) * (0.8 + Math.random() * 0.4);
    this.attempt += 1;
    this.handlers.onStatus('waiting', Math.ceil(delay / 1000));
    this.timer = setTimeout(() => this.connect(), delay);
  }

  /** Reconnect at once (the user pressed "Reconnect now"). */
  now() {
    if (this.ws || this.stopped) return;
    clearTimeout(this.timer);
    this.connect();
  }

  isOpen() {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  /** Sends a frame; false when the socket is not open (the caller falls back to REST). */
  send(frame) {
    if (!this.isOpen()) return false;
    this.ws.send(JSON.stringify(frame));
    return true;
  }

  close() {
    this.stopped = true;
    clearTimeout(this.timer);
    const ws = this.ws;
    this.ws = null;
    if (ws && ws.readyState <= WebSocket.OPEN) ws.close(NORMAL, 'page left');
  }
}
