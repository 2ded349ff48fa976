import { describe, expect, it } from 'vitest';
import { conditionLabel, formatDate, formatDistance, formatListingCount, statusLabel } from './format';

describe('formatting', () => {
  it('writes distances the French way, never under 1 km', () => {
    expect(formatDistance(3)).toBe('à 3 km');
    expect(formatDistance(2.4)).toBe('à 2,4 km');
    expect(formatDistance(0.2)).toBe('à 1 km');
    expect(formatDistance(38.6)).toBe('à 39 km');
  });

  it('names conditions and statuses', () => {
    expect(conditionLabel('LIKE_NEW')).toBe('Comme neuf');
    expect(conditionLabel('FOR_PARTS')).toBe('Pour pièces');
    expect(statusLabel('ARCHIVED')).toBe('Retirée');
  });

  it('counts listings', () => {
    expect(formatListingCount(0)).toBe('Aucune annonce');
    expect(formatListingCount(1)).toBe('1 annonce');
    expect(formatListingCount(128)).toBe('128 annonces');
    expect(formatListingCount(1280).replace(/\s/g, ' ')).toBe('1 280 annonces');
  });

  it('dates in Paris time', () => {
    expect(formatDate('2026-11-29T08:30:44Z')).toBe('29 novembre 2026');
    expect(formatDate('2026-12-31T23:30:00Z')).toBe('1 janvier 2027');
    expect(formatDate('pas une date')).toBe('');
  });
});
