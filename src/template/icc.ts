/**
 * A template's `iccProfile` must be a CMYK output profile: photos are separated through it and
 * the print PDF names it as its PDF/X output intent. A wrong file (an RGB profile, a PDF, text)
 * would not fail in sharp, which falls back quietly to another transform: it is refused here,
 * from the profile's 128-byte header (ICC.1 §7.2).
 */
import { open } from 'node:fs/promises';
import path from 'node:path';
import { BanmianError, type ErrorLocation } from '../errors.js';

const HEADER_BYTES = 128;

export async function checkOutputProfile(file: string, where: ErrorLocation): Promise<void> {
  const handle = await open(file, 'r');
  let header: Buffer;
  try {
    header = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await handle.read(header, 0, HEADER_BYTES, 0);
    header = header.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const tag = (at: number): string => header.toString('latin1', at, at + 4);
  const refuse = (what: string): never => {
    throw new BanmianError('bad-icc-profile', 'input', `iccProfile ${path.basename(file)} ${what}`, where, "name your printing plant's CMYK output profile (an .icc file from the plant or its prepress)");
  };
  if (header.length < HEADER_BYTES || tag(36) !== 'acsp') refuse('is not an ICC profile');
  if (tag(16) !== 'CMYK') refuse(`is a ${tag(16).trim()} profile, not CMYK`);
  if (tag(12) !== 'prtr') refuse(`is a “${tag(12)}” profile, not an output (printer) profile`);
}
