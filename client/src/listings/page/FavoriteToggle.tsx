import { useState } from 'react';
import { useMutation } from 'urql';
import { FormAlert } from '../../ui/forms';
import { FavoriteMutation, UnfavoriteMutation, type PageListing } from './queries';

export function FavoriteToggle({ listing }: { listing: PageListing }) {
  const [favoriteResult, favorite] = useMutation(FavoriteMutation);
  const [unfavoriteResult, unfavorite] = useMutation(UnfavoriteMutation);
  // Shown at once, before the server answers; the listing's own field takes over when the answer arrives.
  const [optimistic, setOptimistic] = useState<boolean | null>(null);
  const isFavorite = optimistic ?? listing.isFavorite;
  const busy = favoriteResult.fetching || unfavoriteResult.fetching;
  const failed = favoriteResult.data?.favoriteListing.errors ?? unfavoriteResult.data?.unfavoriteListing.errors ?? [];

  async function toggle() {
    const next = !isFavorite;
    setOptimistic(next);
    if (next) await favorite({ input: { id: listing.id } });
    else await unfavorite({ input: { id: listing.id } });
    setOptimistic(null);
  }

  return (
    <div className="listing-actions">
      <button type="button" className={`button favorite-toggle${isFavorite ? ' is-favorite' : ''}`} aria-pressed={isFavorite} disabled={busy} onClick={() => void toggle()}>
        <span aria-hidden="true">{isFavorite ? '♥' : '♡'}</span>
        {isFavorite ? 'Dans vos favoris' : 'Ajouter aux favoris'}
      </button>
      <FormAlert errors={failed} requestError={favoriteResult.error ?? unfavoriteResult.error} />
    </div>
  );
}
