import { useState } from 'react';
import { useMutation } from 'urql';
import { useSession } from '../../auth/SessionProvider';
import { FormAlert } from '../../ui/forms';
import { BlockUserMutation, UnblockUserMutation, type PageListing } from './queries';

/** Blocking hides each member's listings from the other's searches; the other member is not told. */
export function BlockOwner({ listing }: { listing: PageListing }) {
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
