// Puts the committed demo images (supabase/seed/images/<bucket>/<object name>, made by
// scripts/make-seed-images.ts) into local Storage: the file under cfg.storageDir and its
// storage.objects row, exactly as an upload through the API would leave them. Idempotent.
// The object names are listed in docs/SEED_IMAGES.md; seed SQL refers to them.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { DB_PASSWORD, ROOT, type StackConfig } from './config.ts';
import type { Logger } from './log.ts';

export const SEED_IMAGES_DIR = path.join(ROOT, 'supabase', 'seed', 'images');

const MIME: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
  '.csv': 'text/csv',
};

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(p)));
    else if (entry.isFile()) out.push(p);
  }
  return out.sort();
}

/** Every seed object as { bucket, name, file }, bucket = first folder under the images dir. */
export async function seedObjects(): Promise<Array<{ bucket: string; name: string; file: string }>> {
  if (!existsSync(SEED_IMAGES_DIR)) return [];
  return (await walk(SEED_IMAGES_DIR)).map((file) => {
    const [bucket, ...rest] = path.relative(SEED_IMAGES_DIR, file).split(path.sep);
    return { bucket, name: rest.join('/'), file };
  });
}

export async function seedStorage(cfg: StackConfig, log: Logger): Promise<void> {
  const objects = await seedObjects();
  if (objects.length === 0) return;
  const client = new pg.Client({ host: cfg.host, port: cfg.dbPort, user: 'postgres', password: DB_PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const buckets = new Set(
      (await client.query<{ id: string }>('select id from storage.buckets')).rows.map((r) => r.id),
    );
    let n = 0;
    for (const o of objects) {
      if (!buckets.has(o.bucket)) {
        log.error(`seed image ${o.bucket}/${o.name}: bucket ${o.bucket} does not exist, skipped`);
        continue;
      }
      const bytes = await fs.readFile(o.file);
      const target = path.join(cfg.storageDir, o.bucket, o.name);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, bytes);
      const metadata = {
        eTag: `"${createHash('md5').update(bytes).digest('hex')}"`,
        size: bytes.length,
        mimetype: MIME[path.extname(o.name).toLowerCase()] ?? 'application/octet-stream',
        cacheControl: 'max-age=3600',
        lastModified: new Date().toISOString(),
        contentLength: bytes.length,
        httpStatusCode: 200,
      };
      await client.query(
        `insert into storage.objects (bucket_id, name, metadata, version) values ($1, $2, $3, $4)
         on conflict (bucket_id, name) do update set metadata = excluded.metadata, version = excluded.version`,
        [o.bucket, o.name, metadata, randomUUID()],
      );
      n++;
    }
    log.info(`seeded ${n} storage objects`);
  } finally {
    await client.end();
  }
}
