// The server's clock is the only clock (domain.md, auction practice). Injected everywhere time
// matters so tests can move it.
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock tests can set and advance. */
export class ManualClock implements Clock {
  constructor(private t: number) {}
  now() {
    return this.t;
  }
  set(t: number) {
    this.t = t;
  }
  advance(ms: number) {
    this.t += ms;
  }
}

/** The system clock shifted by an offset that e2e tests may advance (only when QX_TEST_CLOCK=1). */
export class OffsetClock implements Clock {
  offsetMs = 0;
  now() {
    return Date.now() + this.offsetMs;
  }
}
