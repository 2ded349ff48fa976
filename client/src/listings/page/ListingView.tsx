import { Link } from 'react-router';
import { PageTitle } from '../../ui/PageTitle';
import { conditionLabel, formatDate, statusLabel } from '../format';
import { BlockOwner } from './BlockOwner';
import { Gallery } from './Gallery';
import { ListingActions } from './ListingActions';
import type { PageListing } from './queries';
import { Wants } from './Wants';

/** The listing itself: where it is filed, its photos, what it is, what its owner wants, where and who. */
export function ListingView({ listing }: { listing: PageListing }) {
  const category = listing.category.parent ? `${listing.category.parent.label} › ${listing.category.label}` : listing.category.label;
  return (
    <article className="page listing-page">
      <nav aria-label="Fil d’Ariane" className="breadcrumb">
        <Link to="/">Annonces</Link>
        {listing.category.parent && (
          <>
            {' › '}
            <Link to={`/?cat=${encodeURIComponent(listing.category.parent.slug)}`}>{listing.category.parent.label}</Link>
          </>
        )}
        {' › '}
        <Link to={`/?cat=${encodeURIComponent(listing.category.slug)}`}>{listing.category.label}</Link>
      </nav>
      <div className="listing-layout">
        <Gallery listing={listing} />
        <div className="listing-main">
          <header className="listing-header">
            <PageTitle>{listing.title}</PageTitle>
            <p className="listing-tags">
              <span className="chip chip-muted">{conditionLabel(listing.condition)}</span>
              {listing.status !== 'ACTIVE' && (
                <span className={`status-badge status-${listing.status.toLowerCase()}`}>{statusLabel(listing.status)}</span>
              )}
            </p>
            <p className="listing-kind">
              {category}
              {listing.itemType && <> › {listing.itemType.label}</>}
            </p>
          </header>

          <ListingActions listing={listing} />

          <section aria-labelledby="listing-description">
            <h2 id="listing-description">Description</h2>
            {listing.description.trim() ? (
              <p className="listing-description">{listing.description}</p>
            ) : (
              <p className="field-hint">Pas de description.</p>
            )}
          </section>

          <Wants listing={listing} />

          <section aria-labelledby="listing-where" className="listing-facts">
            <h2 id="listing-where">Où et qui</h2>
            <dl>
              <dt>Lieu</dt>
              <dd>
                {listing.placeName}
                <span className="field-hint"> — emplacement approximatif (à 1 km près) : l’adresse exacte se convient entre membres.</span>
              </dd>
              <dt>Proposé par</dt>
              <dd>
                {listing.owner.displayName}
                <BlockOwner listing={listing} />
              </dd>
              <dt>Publiée le</dt>
              <dd>
                <time dateTime={listing.createdAt}>{formatDate(listing.createdAt)}</time>
              </dd>
            </dl>
          </section>
        </div>
      </div>
    </article>
  );
}
