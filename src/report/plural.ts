/** `1 page`, `2 pages`: the English count every message uses. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
