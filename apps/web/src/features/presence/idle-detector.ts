import { IDLE_AFTER_MS, type PresenceState } from "@parley/protocol";

/** What the detector needs from the browser (a fake stands in for it in tests). */
export interface IdleEnvironment {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
  /** Input events (window) and visibility changes (document). */
  listen(type: string, handler: () => void): () => void;
  hidden(): boolean;
}

/** Any of these means someone is at the keyboard. */
const INPUT_EVENTS = ["pointerdown", "pointermove", "keydown", "wheel", "touchstart", "focus"];

/**
 * Is this tab attended? Idle after IDLE_AFTER_MS without input — which covers a tab hidden for
 * that long too, since a hidden tab gets no input; active again on the first input or when
 * the tab is shown. Only the transitions are reported, so a moving mouse costs a timestamp.
 *
 * Browsers slow timers in hidden tabs (to about once a minute), so a hidden tab may report
 * idle up to a minute late; that is fine for "away".
 */
export class IdleDetector {
  private lastInputAt: number;
  private state: PresenceState = "active";
  private timer: unknown = null;
  private readonly unlisten: (() => void)[] = [];

  constructor(
    private readonly env: IdleEnvironment,
    private readonly onChange: (state: PresenceState) => void,
    private readonly idleAfterMs = IDLE_AFTER_MS,
  ) {
    this.lastInputAt = env.now();
  }

  get current(): PresenceState {
    return this.state;
  }

  start(): void {
    if (this.unlisten.length > 0) return;
    for (const type of INPUT_EVENTS) this.unlisten.push(this.env.listen(type, this.onInput));
    this.unlisten.push(
      this.env.listen("visibilitychange", () => {
        if (!this.env.hidden()) this.onInput();
      }),
    );
    this.lastInputAt = this.env.now();
    this.arm(this.idleAfterMs);
  }

  stop(): void {
    for (const off of this.unlisten.splice(0)) off();
    if (this.timer !== null) this.env.clearTimeout(this.timer);
    this.timer = null;
  }

  private readonly onInput = (): void => {
    this.lastInputAt = this.env.now();
    if (this.state === "idle") {
      this.set("active");
      this.arm(this.idleAfterMs);
    }
  };

  /** Checks when the quiet period could end; input meanwhile only moves the timestamp. */
  private arm(ms: number): void {
    if (this.timer !== null) this.env.clearTimeout(this.timer);
    this.timer = this.env.setTimeout(() => {
      this.timer = null;
      const quiet = this.env.now() - this.lastInputAt;
      if (quiet >= this.idleAfterMs) this.set("idle");
      else this.arm(this.idleAfterMs - quiet);
    }, ms);
  }

  private set(state: PresenceState): void {
    if (state === this.state) return;
    this.state = state;
    this.onChange(state);
  }
}

/** The real browser: input on the window, visibility on the document. */
export function browserIdleEnvironment(): IdleEnvironment {
  return {
    now: () => Date.now(),
    setTimeout: (run, ms) => window.setTimeout(run, ms),
    clearTimeout: (timer) => window.clearTimeout(timer as number),
    listen: (type, handler) => {
      const target: EventTarget = type === "visibilitychange" ? document : window;
      // Passive and captured: never delays scrolling, and sees events stopped by components.
      target.addEventListener(type, handler, { passive: true, capture: true });
      return () => target.removeEventListener(type, handler, { capture: true });
    },
    hidden: () => document.visibilityState === "hidden",
  };
}
