/**
 * sharp, loaded on first use: libvips costs about 100 ms of a start-up, and a build whose photos
 * are all cached never needs it. Every module that draws with sharp loads it here, never with a
 * static import, because the bundled CLI (rolldown.config.js) would hoist that to its first line.
 */
import type Sharp from 'sharp';

export async function loadSharp(): Promise<typeof Sharp> {
  return (await import('sharp')).default;
}
