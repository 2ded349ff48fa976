import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../auth/SessionProvider';
import { graphql } from '../gql';
import type { ListingPageQuery } from '../gql/graphql';
import { FormAlert } from '../ui/forms';
import { PageTitle } from '../ui/PageTitle';
import { conditionLabel, formatDate, statusLabel } from './format';
import './listingPage.css';

const ListingPageQueryDocument = graphql(`
  query ListingPage($id: ID!) {
    listing(id: $id) {
      id
      title
      description
      condition
      status
      createdAt
      placeName
      isMine
      isFavorite
      favoriteCount
      openToAnyOffer
      category {
        id
        slug
        label
        parent {
          id
          slug
          label
        }
      }
      itemType {
        id
        slug
        label
      }
      wants {
        text
        scope
        itemTypes {
          itemType {
            id
            label
          }
        }
        category {
          id
          label
        }
      }
      wantedCategories {
        id
        label
      }
      owner {
        id
        displayName
        memberSince
        isBlocked
      }
      images {
        id
        thumbnailUrl: url(size: THUMBNAIL)
        cardUrl: url(size: CARD)
        cardWidth: width(size: CARD)
        fullUrl: url(size: FULL)
        fullWidth: width(size: FULL)
        fullHeight: height(size: FULL)
      }
    }
  }
`);

const FavoriteMutation = graphql(`
  mutation FavoriteListing($input: FavoriteListingInput!) {
    favoriteListing(input: $input) {
      listing {
        id
        isFavorite
        favoriteCount
      }
      errors {
        __typename
        ...PayloadError
      }
    }
  }
`);

const UnfavoriteMutation = graphql(`
  mutation UnfavoriteListing($input: UnfavoriteListingInput!) {
    unfavoriteListing(input: $input) {
      listing {
        id
        isFavorite
        favoriteCount
      }
      errors {
        __typename
        ...PayloadError
      }
    }
  }
`);

export const ArchiveListingMutation = graphql(`
  mutation ArchiveListing($input: ArchiveListingInput!) {
    archiveListing(input: $input) {
      listing {
        id
        status
        updatedAt
      }
      errors {
        __typename
        ...PayloadError
      }
    }
  }
`);

export const ReactivateListingMutation = graphql(`
  mutation ReactivateListing($input: ReactivateListingInput!) {
    reactivateListing(input: $input) {
      listing {
        id
        status
        updatedAt
      }
      errors {
        __typename
        ...PayloadError
      }
    }
  }
`);

const BlockUserMutation = graphql(`
  mutation BlockUser($input: BlockUserInput!) {
    blockUser(input: $input) {
      user {
        id
        isBlocked
      }
      errors {
        __typename
        ...PayloadError
      }
    }
  }
`);

const UnblockUserMutation = graphql(`
  mutation UnblockUser($input: UnblockUserInput!) {
    unblockUser(input: $input) {
      user {
        id
        isBlocked
      }
      errors {
        __typename
        ...PayloadError
      }
    }
  }
`);

type Listing = NonNullable<ListingPageQuery['listing']>;

export function ListingPage() {
  const { id = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: ListingPageQueryDocument, variables: { id } });
  const listing = data?.listing;

  if (!data && fetching) return <p aria-busy="true" className="page">Chargement de l’annonce…</p>;
  if (!listing && error?.networkError) {
    return (
      <section className="page narrow">
        <PageTitle>Annonce indisponible</PageTitle>
        <FormAlert requestError={error} />
      </section>
    );
  }
  // A malformed id and an unknown one mean the same to the visitor.
  if (!listing) return <ListingNotFound />;
  // Keyed by id: another listing starts on its own cover, without the previous one’s messages.
  return <ListingView key={listing.id} listing={listing} />;
}

function ListingNotFound() {
  return (
    <section className="page narrow listing-not-found">
      <PageTitle>Annonce introuvable</PageTitle>
      <p>Cette annonce n’existe pas, ou son auteur l’a retirée.</p>
      <p>
        <Link to="/" className="button button-primary">
          Voir les annonces
        </Link>
      </p>
    </section>
  );
}

function ListingView({ listing }: { listing: Listing }) {
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

function Gallery({ listing }: { listing: Listing }) {
  const [index, setIndex] = useState(0);
  const images = listing.images;
  const current = images[Math.min(index, images.length - 1)];
  if (!current) {
    return (
      <div className="gallery">
        <div className="gallery-main gallery-empty">Pas de photo</div>
      </div>
    );
  }
  const alt = (i: number) => (images.length > 1 ? `${listing.title} — photo ${i + 1} sur ${images.length}` : listing.title);
  return (
    <div className="gallery">
      <div className="gallery-main">
        <img
          src={current.fullUrl}
          srcSet={`${current.cardUrl} ${current.cardWidth}w, ${current.fullUrl} ${current.fullWidth}w`}
          sizes="(max-width: 860px) 100vw, 620px"
          width={current.fullWidth}
          height={current.fullHeight}
          alt={alt(index)}
        />
      </div>
      {images.length > 1 && (
        <ul className="gallery-thumbs" aria-label="Photos">
          {images.map((image, i) => (
            <li key={image.id}>
              <button type="button" aria-current={i === index} aria-label={`Voir la photo ${i + 1} sur ${images.length}`} onClick={() => setIndex(i)}>
                <img src={image.thumbnailUrl} alt="" width={96} height={72} loading="lazy" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Wants({ listing }: { listing: Listing }) {
  const chips: { key: string; label: string; title?: string }[] = [];
  listing.wants.forEach((want, i) => {
    if (want.scope === 'ITEM_TYPES' && want.itemTypes.length > 0) {
      // The best item type names the want; the owner's own words stay in the tooltip.
      chips.push({ key: `w${i}`, label: want.itemTypes[0].itemType.label, title: want.text });
    } else if (want.scope === 'SUBCATEGORY' && want.category) {
      chips.push({ key: `w${i}`, label: want.category.label, title: want.text });
    } else {
      chips.push({ key: `w${i}`, label: want.text });
    }
  });
  for (const category of listing.wantedCategories) chips.push({ key: `c${category.id}`, label: category.label });
  if (chips.length === 0 && !listing.openToAnyOffer) return null;
  return (
    <section aria-labelledby="listing-wants" className="listing-wants">
      <h2 id="listing-wants">Ce que {listing.owner.displayName} recherche</h2>
      {chips.length > 0 && (
        <ul className="want-chips">
          {chips.map((chip) => (
            <li key={chip.key} className="chip" title={chip.title}>
              {chip.label}
            </li>
          ))}
        </ul>
      )}
      {listing.openToAnyOffer && <p className="open-offer">Ouvert à toute proposition</p>}
    </section>
  );
}

function ListingActions({ listing }: { listing: Listing }) {
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

function FavoriteToggle({ listing }: { listing: Listing }) {
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

function OwnerActions({ listing }: { listing: Listing }) {
  const [confirming, setConfirming] = useState(false);
  const [archiveResult, archive] = useMutation(ArchiveListingMutation);
  const [reactivateResult, reactivate] = useMutation(ReactivateListingMutation);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const busy = archiveResult.fetching || reactivateResult.fetching;
  const errors = [...(archiveResult.data?.archiveListing.errors ?? []), ...(reactivateResult.data?.reactivateListing.errors ?? [])];
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  async function doArchive() {
    const result = await archive({ input: { id: listing.id } });
    setConfirming(false);
    if (result.data?.archiveListing.listing) setDone('Annonce retirée : elle n’apparaît plus dans les recherches.');
  }

  async function doReactivate() {
    const result = await reactivate({ input: { id: listing.id } });
    if (result.data?.reactivateListing.listing) setDone('Annonce remise en ligne.');
  }

  return (
    <div className="listing-actions owner-actions">
      {listing.status === 'ARCHIVED' && (
        <p className="alert archived-note">Cette annonce est retirée : vous seul la voyez, elle n’apparaît plus dans les recherches.</p>
      )}
      <div className="owner-buttons">
        <Link to={`/listings/${encodeURIComponent(listing.id)}/edit`} className="button">
          Modifier
        </Link>
        {listing.status === 'ARCHIVED' ? (
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void doReactivate()}>
            {busy ? 'Remise en ligne…' : 'Remettre en ligne'}
          </button>
        ) : listing.status === 'ACTIVE' || listing.status === 'RESERVED' ? (
          !confirming && (
            <button type="button" className="button" disabled={busy} onClick={() => setConfirming(true)}>
              Retirer l’annonce
            </button>
          )
        ) : null}
      </div>
      {confirming && (
        <div className="confirm card" role="group" aria-labelledby="confirm-archive">
          <p id="confirm-archive">Retirer cette annonce ? Elle n’apparaîtra plus dans les recherches ; vous pourrez la remettre en ligne.</p>
          <div className="owner-buttons">
            <button ref={confirmRef} type="button" className="button button-danger" disabled={busy} onClick={() => void doArchive()}>
              {busy ? 'Retrait…' : 'Oui, retirer'}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setConfirming(false)}>
              Annuler
            </button>
          </div>
        </div>
      )}
      <p role="status" className="action-status">
        {done}
      </p>
      <FormAlert errors={errors} requestError={archiveResult.error ?? reactivateResult.error} />
    </div>
  );
}

/** Blocking hides each member's listings from the other's searches; the other member is not told. */
function BlockOwner({ listing }: { listing: Listing }) {
  const { viewer } = useSession();
  const [confirming, setConfirming] = useState(false);
  const [blockResult, block] = useMutation(BlockUserMutation);
  const [unblockResult, unblock] = useMutation(UnblockUserMutation);
  const busy = blockResult.fetching || unblockResult.fetching;
  const owner = listing.owner;
  if (!viewer || listing.isMine) return null;
  const errors = [...(blockResult.data?.blockUser.errors ?? []), ...(unblockResult.data?.unblockUser.errors ?? [])];
  return (
    <div className="block-owner">
      {owner.isBlocked ? (
        <>
          <p role="status" className="field-hint">
            Vous bloquez {owner.displayName} : ses annonces n’apparaissent plus dans vos recherches.
          </p>
          <button type="button" className="button-link" disabled={busy} onClick={() => void unblock({ input: { userId: owner.id } })}>
            Débloquer {owner.displayName}
          </button>
        </>
      ) : confirming ? (
        <div className="confirm card" role="group" aria-label={`Bloquer ${owner.displayName}`}>
          <p>
            Bloquer {owner.displayName} ? Vous ne verrez plus ses annonces, et ses recherches ne montreront plus les vôtres. Ce membre
            n’en sera pas averti.
          </p>
          <div className="owner-buttons">
            <button
              type="button"
              className="button button-danger"
              disabled={busy}
              autoFocus
              onClick={() => void block({ input: { userId: owner.id } }).then(() => setConfirming(false))}
            >
              Oui, bloquer
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setConfirming(false)}>
              Annuler
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button-link block-link" onClick={() => setConfirming(true)}>
          Bloquer ce membre
        </button>
      )}
      <FormAlert errors={errors} requestError={blockResult.error ?? unblockResult.error} />
    </div>
  );
}
