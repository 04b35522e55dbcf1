// Charts drawn one after another, a frame apart, in the order their data arrives: sixteen
// recharts drawn in one render keep the main thread busy for seconds and the page blank; one
// at a time, the first chart shows as soon as its rows arrive and the page stays responsive
// while the rest follow.
import { useEffect, useState } from 'react';

const waiting: Array<() => void> = [];
let running = false;

function pump() {
  const next = waiting.shift();
  if (!next) {
    running = false;
    return;
  }
  running = true;
  next();
  // after the browser has painted what `next` drew
  requestAnimationFrame(() => setTimeout(pump, 0));
}

/** True once it is this chart's turn to draw (asked for when `ready` becomes true). */
export function useDrawTurn(ready: boolean): boolean {
  const [turn, setTurn] = useState(false);
  useEffect(() => {
    if (!ready || turn) return;
    let live = true;
    const go = () => {
      if (live) setTurn(true);
    };
    waiting.push(go);
    if (!running) pump();
    return () => {
      live = false;
      const i = waiting.indexOf(go);
      if (i >= 0) waiting.splice(i, 1);
    };
  }, [ready, turn]);
  return turn;
}
