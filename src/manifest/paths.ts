/**
 * File paths written in a manifest: relative to the manifest's folder and never leaving it, so a
 * manifest from someone else cannot make the engine read (and, in archive PDFs, attach) other
 * files of the machine.
 */

import { access, constants, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { BanmianError, type ErrorLocation } from '../errors.js';
import { fileAccessError } from './text-file.js';

export interface ResolveOptions {
  /** what the file is, for messages: "photo", "body file", "template" */
  readonly what: string;
  /** the manifest node that named the file */
  readonly where: ErrorLocation;
  /**
   * Accept an absolute path if it lies inside the folder. Users may not write one; this is for
   * paths the loader itself produced (Issue.template).
   */
  readonly allowAbsolute?: boolean;
}

/** The absolute path of `written`, checked to be a readable file inside `folder`. */
export async function resolveInside(folder: string, written: string, options: ResolveOptions): Promise<string> {
  const { what, where } = options;
  const unsafe = (message: string, hint: string): BanmianError =>
    new BanmianError('unsafe-path', 'input', `${what} path "${written}" ${message}`, where, hint);

  if (written.includes('\0')) throw unsafe('contains a NUL character', 'remove it');
  if (/^[a-z][a-z\d+.-]+:\/\//i.test(written)) {
    throw unsafe('is a URL; banmian never downloads anything', 'download the file into the manifest\'s folder and write its relative path');
  }
  if (written.includes('\\')) throw unsafe('contains a backslash', 'separate folders with / (forward slash)');
  if ((path.isAbsolute(written) || path.win32.isAbsolute(written)) && !options.allowAbsolute) {
    throw unsafe('is absolute', `write it relative to the manifest's folder (${folder}) and copy the file there`);
  }
  const absolute = path.resolve(folder, written);
  if (!isInside(folder, absolute)) {
    throw unsafe(`leaves the manifest's folder`, `copy the file into ${folder} (or a subfolder) and refer to it from there`);
  }

  // A symbolic link inside the folder may point anywhere: compare the real paths too.
  const realFolder = await realpath(folder);
  const realFile = await realpath(absolute).catch((error: unknown) => {
    throw fileAccessError(error, absolute, what, where);
  });
  if (!isInside(realFolder, realFile)) {
    throw unsafe(`is a symbolic link to ${realFile}, outside the manifest's folder`, 'copy the file itself into the folder instead of linking to it');
  }

  const info = await stat(realFile);
  if (!info.isFile()) {
    throw new BanmianError('not-a-file', 'input', `${what} path "${written}" is a folder, not a file`, where, 'name the file inside it');
  }
  await access(realFile, constants.R_OK).catch((error: unknown) => {
    throw fileAccessError(error, absolute, what, where);
  });
  return absolute;
}

/** True if `candidate` is `folder` itself or somewhere below it (both absolute). */
function isInside(folder: string, candidate: string): boolean {
  const relative = path.relative(folder, candidate);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}
