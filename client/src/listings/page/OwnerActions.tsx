import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { FormAlert } from '../../ui/forms';
import { ArchiveListingMutation, ReactivateListingMutation } from '../queries';
import type { PageListing } from './queries';

/** The owner's buttons: edit, withdraw (after a confirmation), put back on offer. */
export function OwnerActions({ listing }: { listing: PageListing }) {
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
