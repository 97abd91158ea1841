import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const plainText = (text: string): Uint8Array<ArrayBuffer> => new Uint8Array(Buffer.from(text));

/**
 * Serves the built renderer from `root` for the app:// scheme (and for the
 * test bridge), refusing any path that escapes the folder.
 */
export async function serveRendererFile(root: string, pathname: string): Promise<{ status: number; type: string; body: Uint8Array<ArrayBuffer> }> {
  const relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  const full = normalize(join(root, relative));
  if (!full.startsWith(normalize(root) + sep)) return { status: 403, type: 'text/plain', body: plainText('Forbidden') };
  try {
    const body = new Uint8Array(await readFile(full));
    return { status: 200, type: MIME[extname(full)] ?? 'application/octet-stream', body };
  } catch {
    return { status: 404, type: 'text/plain', body: plainText('Not found') };
  }
}
