/** How close to the left edge a swipe must start (iOS uses about the same band). */
export const EDGE_PX = 24;
/** Travel before the gesture is decided as horizontal (a swipe) or vertical (a scroll). */
const DECIDE_PX = 10;
/** Released past this share of the width, or flung faster than FLING, it goes back. */
const COMMIT_SHARE = 0.35;
const FLING_PX_PER_MS = 0.5;

export type SwipeOutcome = "back" | "cancel";

/**
 * The edge-swipe gesture, without the DOM: a touch that starts at the left edge and moves
 * mostly to the right drags the pane (`offset`); released far enough (or fast enough) it
 * means "back". A touch that starts elsewhere, or moves mostly up or down first, is left to
 * the page (scrolling the messages).
 */
export class EdgeSwipe {
  private start: { x: number; y: number } | null = null;
  private state: "idle" | "undecided" | "dragging" = "idle";
  private last = { x: 0, t: 0 };
  private velocity = 0;
  /** How far the pane is dragged, in px (0 unless dragging). */
  offset = 0;

  constructor(private readonly width: number) {}

  get dragging(): boolean {
    return this.state === "dragging";
  }

  begin(x: number, y: number, t: number): void {
    this.reset();
    if (x > EDGE_PX) return;
    this.start = { x, y };
    this.state = "undecided";
    this.last = { x, t };
  }

  /** Returns true when the move belongs to the swipe (the page should not also scroll). */
  move(x: number, y: number, t: number): boolean {
    if (!this.start || this.state === "idle") return false;
    const dx = x - this.start.x;
    const dy = Math.abs(y - this.start.y);
    if (this.state === "undecided") {
      if (dy > DECIDE_PX && dy >= dx) {
        this.reset();
        return false;
      }
      if (dx <= DECIDE_PX) return false;
      this.state = "dragging";
    }
    if (t > this.last.t) this.velocity = (x - this.last.x) / (t - this.last.t);
    this.last = { x, t };
    this.offset = Math.max(0, Math.min(dx, this.width));
    return true;
  }

  end(): SwipeOutcome {
    const back =
      this.state === "dragging" &&
      (this.offset > this.width * COMMIT_SHARE || this.velocity > FLING_PX_PER_MS);
    this.reset();
    return back ? "back" : "cancel";
  }

  private reset(): void {
    this.start = null;
    this.state = "idle";
    this.offset = 0;
    this.velocity = 0;
  }
}
