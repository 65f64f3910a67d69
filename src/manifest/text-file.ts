/** Reading a user's text file (manifest, template, article body): bounded in size, strictly UTF-8. */

import { readFile, stat } from 'node:fs/promises';
import { BanmianError, type ErrorLocation } from '../errors.js';

/** Manifests, templates and article texts are small; anything larger is a mistake or an attack. */
export const MAX_TEXT_FILE_BYTES = 2 * 1024 * 1024;

/**
 * The file's text, decoded as UTF-8 (a leading BOM is dropped, CRLF becomes LF).
 * `what` names the file in messages ("manifest", "body file"); `where` is the manifest node that
 * named the file, if any, so errors point at the line the user wrote.
 */
export async function readTextFile(
  file: string,
  what: string,
  where: ErrorLocation = { file },
  maxBytes = MAX_TEXT_FILE_BYTES,
): Promise<string> {
  const info = await stat(file).catch((error: unknown) => {
    throw fileAccessError(error, file, what, where);
  });
  if (!info.isFile()) {
    throw new BanmianError('not-a-file', 'input', `${what} ${file} is not a file`, where, 'give the path of a file, not a folder');
  }
  if (info.size > maxBytes) {
    throw new BanmianError(
      'file-too-large',
      'input',
      `${what} ${file} is ${info.size} bytes; the limit is ${maxBytes}`,
      where,
      'split the text into smaller files',
    );
  }
  const bytes = await readFile(file).catch((error: unknown) => {
    throw fileAccessError(error, file, what, where);
  });
  return decodeUtf8(bytes, file, what, where).replace(/\r\n?/g, '\n');
}

function decodeUtf8(bytes: Uint8Array, file: string, what: string, where: ErrorLocation): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Point at the line of the first bad byte: the lenient decoder marks it with U+FFFD.
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const bad = lenient.indexOf('\uFFFD');
    const line = lenient.slice(0, Math.max(bad, 0)).split('\n').length;
    throw new BanmianError(
      'not-utf8',
      'input',
      `${what} ${file} is not valid UTF-8 text (first bad byte on line ${line})`,
      { ...where, file, line, column: undefined },
      'save the file as UTF-8; a GBK/GB18030 file can be converted with `iconv -f GB18030 -t UTF-8`',
    );
  }
}

/** fs error → BanmianError with the user's words. */
export function fileAccessError(error: unknown, file: string, what: string, where: ErrorLocation): BanmianError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new BanmianError('missing-file', 'input', `${what} not found: ${file}`, where, 'check the spelling of the path; it is relative to the manifest');
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new BanmianError('unreadable-file', 'input', `${what} ${file} cannot be read (permission denied)`, where, 'make the file readable');
  }
  if (code === 'ELOOP') {
    return new BanmianError('unsafe-path', 'input', `${what} ${file} is a loop of symbolic links`, where, 'replace the link with the file itself');
  }
  return new BanmianError('unreadable-file', 'input', `${what} ${file} cannot be read (${code ?? String(error)})`, where);
}
