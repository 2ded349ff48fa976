import { Link, useLocation } from 'react-router';
import { useSession } from '../../auth/SessionProvider';
import { FavoriteToggle } from './FavoriteToggle';
import { OwnerActions } from './OwnerActions';
import type { PageListing } from './queries';

/** What the visitor can do with the listing: the owner manages it, another member keeps it in their favourites. */
export function ListingActions({ listing }: { listing: PageListing }) {
  const { viewer } = useSession();
  const location = useLocation();
  if (viewer === undefined) return null;
  if (!viewer) {
    return (
      <p className="signin-hint">
        <Link to={`/login?next=${encodeURIComponent(location.pathname)}`}>Connectez-vous</Link> pour ajouter cette annonce à vos favoris.
      </p>
    );
  }
  return listing.isMine ? <OwnerActions listing={listing} /> : <FavoriteToggle listing={listing} />;
}
