// Charts drawn one after another, a frame apart: sixteen recharts drawn in one render keep
// the main thread busy for seconds and the page blank; one at a time, the first chart shows as
// soon as its rows arrive and the page stays responsive while the rest follow. Of the charts
// whose rows are in, the one highest on the page goes first (DrawOrder: its place in the grid).
import { createContext, useContext, useEffect, useState } from 'react';

export const DrawOrder = createContext(0);

const waiting: Array<{ order: number; go: () => void }> = [];
let running = false;

function pump() {
  if (waiting.length === 0) {
    running = false;
    return;
  }
  running = true;
  let best = 0;
  for (let i = 1; i < waiting.length; i++) if (waiting[i].order < waiting[best].order) best = i;
  const [next] = waiting.splice(best, 1);
  next.go();
  // after the browser has painted what `next` drew
  requestAnimationFrame(() => setTimeout(pump, 0));
}

/** True once it is this chart's turn to draw (asked for when `ready` becomes true). */
export function useDrawTurn(ready: boolean): boolean {
  const order = useContext(DrawOrder);
  const [turn, setTurn] = useState(false);
  useEffect(() => {
    if (!ready || turn) return;
    let live = true;
    const entry = {
      order,
      go: () => {
        if (live) setTurn(true);
      },
    };
    waiting.push(entry);
    if (!running) pump();
    return () => {
      live = false;
      const i = waiting.indexOf(entry);
      if (i >= 0) waiting.splice(i, 1);
    };
  }, [ready, turn, order]);
  return turn;
}
