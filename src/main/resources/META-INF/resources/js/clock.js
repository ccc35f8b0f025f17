// The round's clock: time left against the round's duration, from the session's startedAt/endsAt.

function mmss(ms) {
  const total = Math.max(0, Math.round(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

export class Clock {
  constructor(el) {
    this.el = el;
    this.value = document.createElement('span');
    this.value.className = 'clock__value';
    this.label = document.createElement('span');
    this.label.className = 'clock__label';
    this.track = document.createElement('span');
    this.track.className = 'clock__track';
    this.fill = document.createElement('span');
    this.fill.className = 'clock__fill';
    this.track.append(this.fill);
    this.track.setAttribute('aria-hidden', 'true');
    el.append(this.value, this.label, this.track);
    this.timer = null;
  }

  set(startedAt, endsAt, durationMinutes, done, finishedAt) {
    const start = Date.parse(startedAt);
    let end = Date.parse(endsAt);
    if (Number.isNaN(end) && !Number.isNaN(start) && durationMinutes) end = start + durationMinutes * 60000;
    this.start = start;
    this.end = end;
    if (Number.isNaN(start) || Number.isNaN(end)) {
      this.el.hidden = true;
      return;
    }
    this.el.hidden = false;
    this.stop(false);
    if (done) {
      this.finish(Date.parse(finishedAt));
      return;
    }
    this.tick();
    this.timer = setInterval(() => this.tick(), 1000);
  }

  /** A finished round shows the time it took. */
  finish(finishedAt) {
    this.stop(false);
    const end = Number.isNaN(finishedAt) || !finishedAt ? Date.now() : finishedAt;
    this.value.textContent = mmss(Math.max(0, end - this.start));
    this.label.textContent = 'taken';
    this.fill.style.width = `${Math.min(100, ((end - this.start) / Math.max(1, this.end - this.start)) * 100).toFixed(1)}%`;
    this.el.dataset.state = 'done';
    this.el.setAttribute('aria-label', `The round took ${Math.round((end - this.start) / 60000)} minutes`);
  }

  tick() {
    const now = Date.now();
    const left = this.end - now;
    const span = Math.max(1, this.end - this.start);
    const used = Math.min(1, Math.max(0, (now - this.start) / span));
    this.fill.style.width = `${(used * 100).toFixed(1)}%`;
    if (left >= 0) {
      this.value.textContent = mmss(left);
      this.label.textContent = 'left';
    } else {
      this.value.textContent = `+${mmss(-left)}`;
      this.label.textContent = 'over time';
    }
    this.el.dataset.state = left < 0 ? 'over' : left < 5 * 60000 ? 'low' : 'ok';
    this.el.setAttribute('aria-label', left >= 0
      ? `${Math.ceil(left / 60000)} minutes left in the round` : `${Math.floor(-left / 60000)} minutes over time`);
  }

  stop(finished) {
    clearInterval(this.timer);
    this.timer = null;
    if (finished && !Number.isNaN(this.start)) this.finish(Date.now());
  }
}
