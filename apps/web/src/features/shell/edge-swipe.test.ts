import { describe, expect, it } from "vitest";
import { EDGE_PX, EdgeSwipe } from "./edge-swipe";

const WIDTH = 390;

describe("EdgeSwipe", () => {
  it("a slow drag from the edge past a third of the width goes back", () => {
    const swipe = new EdgeSwipe(WIDTH);
    swipe.begin(5, 300, 0);
    expect(swipe.move(20, 302, 100)).toBe(true);
    expect(swipe.dragging).toBe(true);
    swipe.move(160, 305, 900);
    expect(swipe.offset).toBe(155);
    expect(swipe.end()).toBe("back");
  });

  it("a short slow drag springs back", () => {
    const swipe = new EdgeSwipe(WIDTH);
    swipe.begin(5, 300, 0);
    swipe.move(40, 300, 200);
    swipe.move(80, 300, 800);
    expect(swipe.end()).toBe("cancel");
  });

  it("a short fast fling goes back", () => {
    const swipe = new EdgeSwipe(WIDTH);
    swipe.begin(2, 300, 0);
    swipe.move(30, 300, 20);
    swipe.move(90, 300, 60);
    expect(swipe.end()).toBe("back");
  });

  it("a touch away from the edge is the page's (scrolling, selecting)", () => {
    const swipe = new EdgeSwipe(WIDTH);
    swipe.begin(EDGE_PX + 1, 300, 0);
    expect(swipe.move(300, 300, 100)).toBe(false);
    expect(swipe.end()).toBe("cancel");
  });

  it("a vertical move from the edge is a scroll, and stays one", () => {
    const swipe = new EdgeSwipe(WIDTH);
    swipe.begin(5, 300, 0);
    expect(swipe.move(8, 340, 50)).toBe(false);
    expect(swipe.move(200, 360, 100)).toBe(false);
    expect(swipe.end()).toBe("cancel");
  });

  it("never drags the pane left of its place or past the screen", () => {
    const swipe = new EdgeSwipe(WIDTH);
    swipe.begin(5, 300, 0);
    swipe.move(30, 300, 100);
    swipe.move(-50, 300, 200);
    expect(swipe.offset).toBe(0);
    swipe.move(900, 300, 300);
    expect(swipe.offset).toBe(WIDTH);
  });
});
