/**
 * tiny-inflate's `inflate(source, dest)` on Node's zlib, which the bundled CLI uses in its place
 * (rolldown.config.js): fontkit inflates its Unicode property tables as it loads, which takes
 * tiny-inflate about 25 ms of a cold start and zlib under 1 ms. The contract is tiny-inflate's:
 * raw DEFLATE data in, `dest` filled and returned, or a copy of its filled part when the data is
 * shorter; data longer than `dest` is cut off.
 */
import { inflateRawSync } from 'node:zlib';

export default function inflate(source: Uint8Array, dest: Uint8Array): Uint8Array {
  const data = inflateRawSync(source);
  dest.set(data.subarray(0, dest.length));
  return data.length < dest.length ? dest.slice(0, data.length) : dest;
}
