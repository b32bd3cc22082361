/** The time slider counts months from a start month. */
export function monthIndex(start: string, date: string): number {
  const [sy, sm] = start.split('-').map(Number) as [number, number];
  const [y, m] = date.split('-').map(Number) as [number, number];
  return (y - sy) * 12 + ((m || 1) - (sm || 1));
}

export function monthAt(start: string, index: number): string {
  const [sy, sm] = start.split('-').map(Number) as [number, number];
  const total = sy * 12 + ((sm || 1) - 1) + index;
  const year = Math.floor(total / 12);
  return `${year}-${String(total - year * 12 + 1).padStart(2, '0')}`;
}
