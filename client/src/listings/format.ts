import type { ItemCondition, ListingStatus } from '../gql/graphql';

const conditionLabels: Record<ItemCondition, string> = {
  NEW: 'Neuf',
  LIKE_NEW: 'Comme neuf',
  GOOD: 'Bon état',
  FAIR: 'État correct',
  FOR_PARTS: 'Pour pièces',
};

export function conditionLabel(condition: ItemCondition): string {
  return conditionLabels[condition] ?? condition;
}

const statusLabels: Record<ListingStatus, string> = {
  ACTIVE: 'En ligne',
  RESERVED: 'Réservée',
  TRADED: 'Échangée',
  ARCHIVED: 'Retirée',
};

export function statusLabel(status: ListingStatus): string {
  return statusLabels[status] ?? status;
}

const oneDecimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

/**
 * « à 3 km », « à 2,4 km », « à 38 km ». The server never says less than 1 km (the points are blurred to ~1 km), and
 * a tenth of a kilometre means nothing past 10 km.
 */
export function formatDistance(km: number): string {
  const value = Math.max(km, 1);
  return `à ${value < 10 ? oneDecimal.format(value) : integer.format(value)} km`;
}

/** « Aucune annonce », « 1 annonce », « 1 280 annonces ». */
export function formatListingCount(count: number): string {
  if (count === 0) return 'Aucune annonce';
  return `${integer.format(count)} annonce${count > 1 ? 's' : ''}`;
}

const longDate = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });

/** « 29 novembre 2026 », in Paris time: a listing posted at 23:30 UTC was posted the next day in France. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : longDate.format(date);
}
