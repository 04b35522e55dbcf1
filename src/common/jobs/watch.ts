// The runs this tab waits for (a server export just started): the watcher polls them quickly
// and tells the user when one ends. Runs started elsewhere are found by its slower poll.
type Listener = () => void;
const watched = new Set<string>();
const listeners = new Set<Listener>();

export function watchJob(id: string): void {
  watched.add(id);
  listeners.forEach((l) => l());
}

export function unwatchJob(id: string): void {
  watched.delete(id);
}

export function watchedJobs(): string[] {
  return [...watched];
}

export function onWatch(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
