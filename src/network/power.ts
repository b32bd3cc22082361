/**
 * The balance of power between blocs: each bloc's share of the capability of
 * all blocs together, and how concentrated those shares are.
 *
 * For blocs b = 1…n with capability C_b = Σ capability of its members
 * (members without a figure count 0 and are listed as `unmeasured`):
 *
 *   share_b        = C_b / Σ_k C_k
 *   herfindahl     = Σ_b share_b²            (in [1/n, 1]; 1 = one bloc holds everything)
 *   effectiveBlocs = 1 / herfindahl          (in [1, n]; n = n equal blocs)
 *
 * The Herfindahl–Hirschman index (Hirschman, "National Power and the
 * Structure of Foreign Trade", 1945; Herfindahl, "Concentration in the Steel
 * Industry", 1950) as used for the concentration of capabilities among the
 * great powers by Ray & Singer, "Measuring the Concentration of Power in the
 * International System", Sociological Methods & Research 1(4), 1973, 403–437,
 * and Mansfield, "Concentration, Polarity, and the Distribution of Power",
 * International Studies Quarterly 37(1), 1993, 105–128; its inverse is the
 * "effective number" of Laakso & Taagepera, Comparative Political Studies
 * 12(1), 1979, 3–27. With CINC as the capability (see capabilities.ts) the
 * shares are of the blocs' material power, not of the world's.
 *
 * Ordering is deterministic: blocs in the order given, members sorted.
 */

export interface BlocPower {
  /** Sorted. */
  members: string[];
  /** Sum of the members' capabilities (unmeasured members count 0). */
  capability: number;
  /** capability / the total of all blocs; 0 for every bloc when nothing is measured. */
  share: number;
  /** Members without a figure, sorted. */
  unmeasured: string[];
}

export interface PowerShares {
  blocs: BlocPower[];
  /** Σ capability over all blocs. */
  total: number;
  /** Σ share²; null when no member of any bloc has a figure (the total is 0). */
  herfindahl: number | null;
  /** 1 / herfindahl; null with it. */
  effectiveBlocs: number | null;
  formula: string;
}

export const POWER_FORMULA =
  'share_b = C_b / Σ C; herfindahl = Σ share_b²; effectiveBlocs = 1 / herfindahl';

/** Capability shares and Herfindahl concentration of the given blocs. */
export function powerShares(
  blocs: readonly (readonly string[])[],
  capability: (id: string) => number | null,
): PowerShares {
  const seen = new Set<string>();
  const measured = blocs.map((bloc) => {
    const members = [...new Set(bloc)].sort();
    let sum = 0;
    const unmeasured: string[] = [];
    for (const id of members) {
      if (seen.has(id)) throw new RangeError(`powerShares: ${id} is in more than one bloc`);
      seen.add(id);
      const value = capability(id);
      if (value === null || value === undefined) {
        unmeasured.push(id);
        continue;
      }
      if (!Number.isFinite(value) || value < 0) {
        throw new RangeError(
          `powerShares: the capability of ${id} must be a finite number ≥ 0, got ${value}`,
        );
      }
      sum += value;
    }
    return { members, capability: sum, unmeasured };
  });
  const total = measured.reduce((acc, b) => acc + b.capability, 0);
  const withShares = measured.map((b) => ({
    members: b.members,
    capability: b.capability,
    share: total > 0 ? b.capability / total : 0,
    unmeasured: b.unmeasured,
  }));
  const herfindahl = total > 0 ? withShares.reduce((acc, b) => acc + b.share * b.share, 0) : null;
  return {
    blocs: withShares,
    total,
    herfindahl,
    effectiveBlocs: herfindahl === null ? null : 1 / herfindahl,
    formula: POWER_FORMULA,
  };
}
