// A token bucket: a sustained rate with a burst allowance, on an injected clock.

/** Allows `ratePerS` events a second on average and `burst` at once. */
export class TokenBucket {
  /** now returns milliseconds; tests pass a fake clock. */
  constructor(ratePerS, burst, now = Date.now) {
    this.ratePerMs = ratePerS / 1000;
    this.burst = burst;
    this.tokens = burst;
    this.now = now;
    this.lastMs = now();
  }

  /** Takes one token if there is one; returns whether the event may go ahead. */
  take() {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + (t - this.lastMs) * this.ratePerMs);
    this.lastMs = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
