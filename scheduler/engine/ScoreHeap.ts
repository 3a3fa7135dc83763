/**
 * The distinct scores of a ranking as a binary max-heap in a plain array: the best score is `scores[0]`, and a
 * ranking walks down from it, popping the scores it skips and pushing them back.
 */

/** Adds `score` (not present yet). */
export function pushScore(scores: number[], score: number): void {
  scores.push(score);
  let i = scores.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (scores[parent]! >= score) break;
    scores[i] = scores[parent]!;
    i = parent;
  }
  scores[i] = score;
}

/** Removes and returns the best score; the heap must not be empty. */
export function popScore(scores: number[]): number {
  const top = scores[0]!;
  const last = scores.pop()!;
  if (scores.length > 0) {
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= scores.length) break;
      const r = l + 1;
      const m = r < scores.length && scores[r]! > scores[l]! ? r : l;
      if (scores[m]! <= last) break;
      scores[i] = scores[m]!;
      i = m;
    }
    scores[i] = last;
  }
  return top;
}
