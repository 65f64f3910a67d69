/** "Did you mean …": the allowed word closest to a misspelt one. */

/** Levenshtein distance (insert, delete, substitute), O(a·b) with one row. */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

/** `continueOn`, `Continue-On` and `continue_on` are the same word to a user. */
function fold(word: string): string {
  return word.toLowerCase().replace(/[-_\s]/g, '');
}

/** The closest candidate if it is close enough to be a plausible typo, else undefined. */
function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(fold(word), fold(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const tolerance = Math.max(1, Math.floor(fold(word).length / 3));
  return bestDistance <= tolerance ? best : undefined;
}

/** A hint: `did you mean "x"? ` before the list of what is allowed, when a candidate is close. */
export function didYouMean(word: string, candidates: readonly string[], list: string): string {
  const suggestion = closestMatch(word, candidates);
  return suggestion ? `did you mean "${suggestion}"? ${list}` : list;
}
