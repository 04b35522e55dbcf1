import { formatDateTime } from '../datetime';

/** "trades-20261122-0830.csv" (Beijing time), a name safe on every OS. */
export function exportFileName(base: string, ext: 'csv' | 'xlsx', now: Date = new Date()): string {
  const stamp = formatDateTime(now).replace(/-/g, '').replace(' ', '-').replace(':', '');
  const safe = base.replace(/[\\/:*?"<>|\s]+/g, '_') || 'export';
  return `${safe}-${stamp}.${ext}`;
}

/** Hands a Blob to the browser as a download. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
