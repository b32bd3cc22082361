/**
 * Automatic resolution: later asserted evidence on the same pair settles a
 * forecast only where it clearly does. The window is (made, horizon]: the
 * evidence must be published after the forecast and hold after it was
 * made, up to the horizon. Each document casts one vote (the net sign of
 * its relations on the pair); the forecast is a hit when most voting
 * documents agree with its polarity, a miss when most disagree, and
 * either only when that side includes a voice other than the forecaster's
 * own (an author confirming their own prediction settles nothing).
 */
import { dateBounds } from '../network/aggregate.js';
import type { EvidenceRow } from './store.js';

export interface AutoSubject {
  polarity: 1 | -1;
  madeOn: string | null;
  horizon: string | null;
  documentId: number;
  voice: string;
}

export type AutoResult =
  | { status: 'hit' | 'miss'; evidence: EvidenceRow }
  | { status: 'open' | 'expired'; evidence: null };

/**
 * `evidence` holds the asserted relations on the forecast's pair (either
 * direction); `asOf` is "now": later publications are not yet known.
 */
export function autoResolve(
  subject: AutoSubject,
  evidence: EvidenceRow[],
  asOf: string,
): AutoResult {
  if (!subject.madeOn || !subject.horizon) return { status: 'open', evidence: null };
  const madeEnd = dateBounds(subject.madeOn)[1];
  const inWindow = evidence.filter((e) => {
    if (e.documentId === subject.documentId || !e.docDate) return false;
    const published = dateBounds(e.docDate)[0];
    if (published <= madeEnd || published > asOf) return false;
    const holds = dateBounds(e.date ?? e.docDate)[0];
    return holds > madeEnd && holds <= (subject.horizon as string);
  });

  const votes = new Map<number, number>();
  for (const e of inWindow) votes.set(e.documentId, (votes.get(e.documentId) ?? 0) + e.polarity);
  let agree = 0;
  let disagree = 0;
  for (const net of votes.values()) {
    if (net * subject.polarity > 0) agree++;
    else if (net * subject.polarity < 0) disagree++;
  }
  const side = agree > disagree ? subject.polarity : disagree > agree ? -subject.polarity : 0;
  if (side !== 0) {
    // The earliest relation on the winning side from an independent voice, in a document that voted that way.
    const settling = inWindow
      .filter(
        (e) =>
          e.polarity === side &&
          e.voice !== subject.voice &&
          (votes.get(e.documentId) as number) * side > 0,
      )
      .sort((a, b) => whenOf(a).localeCompare(whenOf(b)) || a.id - b.id)[0];
    if (settling) return { status: side === subject.polarity ? 'hit' : 'miss', evidence: settling };
  }
  if (subject.horizon < asOf) return { status: 'expired', evidence: null };
  return { status: 'open', evidence: null };
}

function whenOf(e: EvidenceRow): string {
  return dateBounds(e.date ?? (e.docDate as string))[0];
}
