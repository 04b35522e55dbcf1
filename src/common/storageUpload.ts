// Uploading a staff-chosen file to a private bucket: one place for the content type, the
// refusal and the extension rule (object names stay ASCII: hosted Storage refuses others).
import { supabase } from '../providers/supabase';

/** The file's extension, lower case, letters and digits only ('bin' when it has none). */
export function fileExt(file: File): string {
  return (/\.([A-Za-z0-9]{1,5})$/.exec(file.name)?.[1] ?? 'bin').toLowerCase();
}

/** Uploads `file` as `name` in `bucket`; a refusal is thrown. Returns the object name. */
export async function uploadObject(bucket: string, name: string, file: File): Promise<string> {
  const { error } = await supabase.storage.from(bucket).upload(name, file, { contentType: file.type || undefined });
  if (error) throw error;
  return name;
}
