import { supabase } from '../../providers/supabase';

/** What an export run leaves in its result (supabase/functions/export). */
export interface ExportResult {
  bucket: string;
  path: string;
  file_name?: string;
  bytes?: number;
}

export const isExportResult = (r: unknown): r is ExportResult =>
  !!r && typeof r === 'object' && typeof (r as ExportResult).path === 'string' && typeof (r as ExportResult).bucket === 'string';

/** A link valid for one minute: the file is private and only its starter may sign it. */
export async function downloadJobFile(result: ExportResult, fileName: string): Promise<void> {
  const { data, error } = await supabase.storage.from(result.bucket).createSignedUrl(result.path, 60, { download: fileName });
  if (error || !data) throw error ?? new Error('no link');
  const a = document.createElement('a');
  a.href = data.signedUrl;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
}
