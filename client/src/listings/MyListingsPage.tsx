import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { MyListingsQuery } from '../gql/graphql';
import { FormAlert } from '../ui/forms';
import { PageTitle } from '../ui/PageTitle';
import { ListingCard } from './ListingCard';
import { ArchiveListingMutation, ReactivateListingMutation } from './queries';
import { conditionLabel, formatDate, statusLabel } from './format';
import './listingCard.css';
import './myListings.css';

// Two queries: both lists in one request would pass the server's complexity limit. 100 is the most a connection page
// holds; members keep far fewer listings than that (the active ones are limited).
const MyListingsQueryDocument = graphql(`
  query MyListings {
    me {
      id
      listings(first: 100) {
        totalCount
        nodes {
          ...ListingCard
          createdAt
        }
      }
    }
  }
`);

const MyFavoritesQueryDocument = graphql(`
  query MyFavorites {
    me {
      id
      favorites(first: 100) {
        totalCount
        nodes {
          ...ListingCard
        }
      }
    }
  }
`);

type MyListing = NonNullable<MyListingsQuery['me']>['listings']['nodes'][number];

export function MyListingsPage() {
  const [{ data, fetching, error }] = useQuery({ query: MyListingsQueryDocument });
  const [favoritesResult] = useQuery({ query: MyFavoritesQueryDocument });
  const me = data?.me;
  const favorites = favoritesResult.data?.me?.favorites;
  return (
    <section className="page my-listings">
      <div className="my-listings-head">
        <PageTitle>Mes annonces</PageTitle>
        <Link to="/listings/new" className="button button-primary">
          Déposer une annonce
        </Link>
      </div>
      {!data && fetching && <p aria-busy="true">Chargement…</p>}
      <FormAlert requestError={error ?? favoritesResult.error} />
      {me && (
        <>
          <section aria-labelledby="my-listings-heading">
            <h2 id="my-listings-heading">
              Annonces déposées <span className="count">({me.listings.totalCount})</span>
            </h2>
            {me.listings.nodes.length === 0 ? (
              <div className="empty-state card">
                <p>Vous n’avez pas encore d’annonce. Un objet qui dort dans un placard ? Proposez-le à l’échange.</p>
                <Link to="/listings/new" className="button button-primary">
                  Déposer une annonce
                </Link>
              </div>
            ) : (
              <ul className="my-listing-rows">
                {me.listings.nodes.map((listing) => (
                  <MyListingRow key={listing.id} listing={listing} />
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="my-favorites-heading">
            <h2 id="my-favorites-heading">
              Mes favoris {favorites && <span className="count">({favorites.totalCount})</span>}
            </h2>
            {!favorites ? (
              <p aria-busy="true">Chargement…</p>
            ) : favorites.nodes.length === 0 ? (
              <p className="empty-state card">
                Aucun favori pour l’instant : sur une annonce, « Ajouter aux favoris » la garde ici. <Link to="/">Parcourir les annonces</Link>
              </p>
            ) : (
              <ul className="listing-grid">
                {favorites.nodes.map((listing) => (
                  <li key={listing.id}>
                    <ListingCard listing={listing} showStatus />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </section>
  );
}

function MyListingRow({ listing }: { listing: MyListing }) {
  const [confirming, setConfirming] = useState(false);
  const [archiveResult, archive] = useMutation(ArchiveListingMutation);
  const [reactivateResult, reactivate] = useMutation(ReactivateListingMutation);
  const busy = archiveResult.fetching || reactivateResult.fetching;
  const errors = [...(archiveResult.data?.archiveListing.errors ?? []), ...(reactivateResult.data?.reactivateListing.errors ?? [])];
  const cover = listing.images[0];
  const href = `/listings/${encodeURIComponent(listing.id)}`;
  return (
    <li className={`my-listing card status-row-${listing.status.toLowerCase()}`} aria-label={listing.title}>
      <div className="my-listing-photo">
        {cover ? <img src={cover.thumbnailUrl} alt="" width={cover.thumbnailWidth} height={Math.round((cover.thumbnailWidth * cover.cardHeight) / cover.cardWidth)} loading="lazy" /> : null}
      </div>
      <div className="my-listing-body">
        <h3>
          <Link to={href}>{listing.title}</Link>
        </h3>
        <p className="my-listing-meta">
          <span className={`status-badge status-${listing.status.toLowerCase()}`}>{statusLabel(listing.status)}</span>
          <span>{conditionLabel(listing.condition)}</span>
          <span>{listing.placeName}</span>
          <span>
            publiée le <time dateTime={listing.createdAt}>{formatDate(listing.createdAt)}</time>
          </span>
        </p>
        <div className="my-listing-actions">
          <Link to={`${href}/edit`} className="button" aria-label={`Modifier « ${listing.title} »`}>
            Modifier
          </Link>
          {listing.status === 'ARCHIVED' ? (
            <button type="button" className="button" disabled={busy} onClick={() => void reactivate({ input: { id: listing.id } })}>
              {busy ? 'Remise en ligne…' : 'Remettre en ligne'}
            </button>
          ) : listing.status === 'ACTIVE' || listing.status === 'RESERVED' ? (
            confirming ? (
              <span className="inline-confirm" role="group" aria-label="Confirmer le retrait">
                <span>Retirer cette annonce ?</span>
                <button
                  type="button"
                  className="button button-danger"
                  disabled={busy}
                  autoFocus
                  onClick={() => void archive({ input: { id: listing.id } }).then(() => setConfirming(false))}
                >
                  Oui, retirer
                </button>
                <button type="button" className="button" disabled={busy} onClick={() => setConfirming(false)}>
                  Annuler
                </button>
              </span>
            ) : (
              <button type="button" className="button" onClick={() => setConfirming(true)}>
                Retirer
              </button>
            )
          ) : null}
        </div>
        <FormAlert errors={errors} requestError={archiveResult.error ?? reactivateResult.error} />
      </div>
    </li>
  );
}
