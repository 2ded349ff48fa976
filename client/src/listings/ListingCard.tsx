import { Link } from 'react-router';
import { graphql } from '../gql';
import type { ListingCardFragment } from '../gql/graphql';
import { conditionLabel, formatDistance, statusLabel } from './format';
import './listingCard.css';

export const ListingCardFields = graphql(`
  fragment ListingCard on Listing {
    id
    title
    placeName
    condition
    status
    images {
      id
      thumbnailUrl: url(size: THUMBNAIL)
      thumbnailWidth: width(size: THUMBNAIL)
      cardUrl: url(size: CARD)
      cardWidth: width(size: CARD)
      cardHeight: height(size: CARD)
    }
  }
`);

interface ListingCardProps {
  listing: ListingCardFragment;
  /** Kilometres from the searched place, when the search has one. */
  distanceKm?: number | null;
  /** Shows the status when it is not « en ligne » (favourites may have been reserved or withdrawn since). */
  showStatus?: boolean;
  /**
   * How soon the photo loads: lazily as it nears the screen (the default), `visible` at once (a card seen without
   * scrolling), `first` at once and before anything else the page asks for (the first row: what a phone shows largest,
   * so what « loaded » means to the person).
   */
  photo?: 'visible' | 'first';
}

/** One listing in a grid: its cover, title, town, distance and condition; the whole card links to the listing. */
export function ListingCard({ listing, distanceKm, showStatus, photo }: ListingCardProps) {
  const cover = listing.images[0];
  return (
    <article className="listing-card card">
      <div className="listing-card-photo">
        {cover ? (
          // Both renditions with their widths: the browser takes the smallest that fills the card at the screen's
          // density; width and height reserve the space so the grid does not jump as photos arrive.
          <img
            src={cover.thumbnailUrl}
            srcSet={`${cover.thumbnailUrl} ${cover.thumbnailWidth}w, ${cover.cardUrl} ${cover.cardWidth}w`}
            sizes="(max-width: 600px) 50vw, 260px"
            width={cover.cardWidth}
            height={cover.cardHeight}
            alt=""
            loading={photo ? 'eager' : 'lazy'}
            fetchPriority={photo === 'first' ? 'high' : undefined}
            decoding="async"
          />
        ) : (
          <span className="listing-card-nophoto" aria-hidden="true">
            Pas de photo
          </span>
        )}
      </div>
      <div className="listing-card-body">
        <h3 className="listing-card-title">
          <Link to={`/listings/${encodeURIComponent(listing.id)}`}>{listing.title}</Link>
        </h3>
        <p className="listing-card-place">
          {listing.placeName}
          {distanceKm != null && <span className="listing-card-distance"> · {formatDistance(distanceKm)}</span>}
        </p>
        <p className="listing-card-tags">
          <span className="chip chip-muted">{conditionLabel(listing.condition)}</span>
          {showStatus && listing.status !== 'ACTIVE' && <span className={`status-badge status-${listing.status.toLowerCase()}`}>{statusLabel(listing.status)}</span>}
        </p>
      </div>
    </article>
  );
}
