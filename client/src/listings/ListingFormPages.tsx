import { useMemo, useRef } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import type { ListingFormFieldsFragment } from '../gql/graphql';
import { PageTitle } from '../ui/PageTitle';
import { requestErrorMessage } from '../ui/forms';
import { ListingForm, type SubmitResult } from './form/ListingForm';
import {
  emptyForm, finalOrder, fromListing, groupErrors, hasChanges, photoPlan, sentWantIndexes, toCreateInput, toUpdateInput,
  withUploaded, type ErrorTarget, type ListingFormState,
} from './form/model';
import {
  AddListingImagesMutation, CreateListingMutation, ExactLocationQuery, ListingForEditQuery, RemoveListingImageMutation,
  ReorderListingImagesMutation, UpdateListingMutation,
} from './form/queries';

function failure(message: string): SubmitResult {
  return { errors: new Map<ErrorTarget, string>([['general', message]]) };
}

export function NewListingPage() {
  const navigate = useNavigate();
  const [, createListing] = useMutation(CreateListingMutation);
  const initial = useMemo(emptyForm, []);

  async function submit(state: ListingFormState): Promise<SubmitResult> {
    const result = await createListing({ input: toCreateInput(state) });
    const payload = result.data?.createListing;
    if (!payload) return failure(requestErrorMessage(result.error) ?? 'Une erreur inattendue est survenue.');
    if (payload.errors.length > 0) return { errors: groupErrors(payload.errors, sentWantIndexes(state)) };
    navigate(`/listings/${encodeURIComponent(payload.listing!.id)}`);
  }

  return (
    <section className="page medium">
      <PageTitle>Déposer une annonce</PageTitle>
      <ListingForm mode="create" initial={initial} submitLabel="Publier l’annonce" busyLabel="Publication…" onSubmit={submit} />
    </section>
  );
}

export function EditListingPage() {
  const { id = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: ListingForEditQuery, variables: { id }, requestPolicy: 'network-only' });
  const listing = data?.listing;
  const mine = listing?.isMine === true;
  const [{ data: exactData, fetching: exactFetching }] = useQuery({
    query: ExactLocationQuery, variables: { id }, pause: !mine, requestPolicy: 'network-only',
  });

  let body;
  if (fetching || (mine && exactFetching && !exactData)) body = <p aria-busy="true">Chargement…</p>;
  else if (!listing && error) body = <div role="alert" className="alert alert-error">{requestErrorMessage(error)}</div>;
  else if (!listing) body = <Refusal message="Cette annonce n’existe pas, ou elle a été retirée." />;
  else if (!mine) body = <Refusal message="Vous ne pouvez pas modifier cette annonce : seul le membre qui l’a publiée le peut." />;
  else
    body = <EditForm key={listing.id} listing={listing} exact={exactData?.listing?.exactLocation ?? null} />;

  return (
    <section className="page medium">
      <PageTitle>Modifier l’annonce</PageTitle>
      {body}
    </section>
  );
}

function Refusal({ message }: { message: string }) {
  return (
    <div role="alert" className="alert alert-error">
      <p>{message}</p>
      <p><Link to="/">Retour aux annonces</Link></p>
    </div>
  );
}

function EditForm({ listing, exact }: { listing: ListingFormFieldsFragment; exact: { latitude: number; longitude: number } | null }) {
  const navigate = useNavigate();
  const initial = useMemo(() => fromListing(listing, exact), [listing, exact]);
  // What the server holds now: after a partly failed save, the next one sends only what is still different.
  const saved = useRef(initial);
  // Photos an earlier save uploaded (form key → image id), in case a later step of that save failed.
  const uploaded = useRef(new Map<string, string>());
  const [, updateListing] = useMutation(UpdateListingMutation);
  const [, removeImage] = useMutation(RemoveListingImageMutation);
  const [, addImages] = useMutation(AddListingImagesMutation);
  const [, reorderImages] = useMutation(ReorderListingImagesMutation);
  const readItemType = listing.itemTypeChosenByOwner ? null : listing.itemType ?? null;

  async function submit(state: ListingFormState): Promise<SubmitResult> {
    const input = toUpdateInput(listing.id, saved.current, state);
    if (hasChanges(input)) {
      const result = await updateListing({ input });
      const payload = result.data?.updateListing;
      if (!payload) return failure(requestErrorMessage(result.error) ?? 'Une erreur inattendue est survenue.');
      if (payload.errors.length > 0) return { errors: groupErrors(payload.errors, sentWantIndexes(state)) };
      saved.current = { ...state, photos: saved.current.photos };
    }

    const { removed, added } = photoPlan(saved.current.photos, withUploaded(state.photos, uploaded.current));
    let serverIds: string[] = saved.current.photos.flatMap((p) => (p.kind === 'existing' ? [p.id] : []));
    for (const imageId of removed) {
      const result = await removeImage({ input: { listingId: listing.id, imageId } });
      const payload = result.data?.removeListingImage;
      if (!payload) return failure(requestErrorMessage(result.error) ?? 'Une erreur inattendue est survenue.');
      if (payload.errors.length > 0) return { errors: groupErrors(payload.errors) };
      serverIds = payload.listing!.images.map((i) => i.id);
      saved.current = { ...saved.current, photos: saved.current.photos.filter((p) => p.kind !== 'existing' || p.id !== imageId) };
    }
    if (added.length > 0) {
      const result = await addImages({ input: { listingId: listing.id, images: added.map((p) => p.file) } });
      const payload = result.data?.addListingImages;
      if (!payload) return failure(requestErrorMessage(result.error) ?? 'Une erreur inattendue est survenue.');
      if (payload.errors.length > 0) return { errors: groupErrors(payload.errors) };
      serverIds = payload.listing!.images.map((i) => i.id);
      // New images come last, in the order sent.
      const newIds = serverIds.slice(serverIds.length - added.length);
      added.forEach((photo, i) => uploaded.current.set(photo.key, newIds[i]));
      saved.current = {
        ...saved.current,
        photos: [...saved.current.photos, ...added.map((photo, i) => ({ kind: 'existing' as const, id: newIds[i], url: photo.url }))],
      };
    }
    const order = finalOrder(withUploaded(state.photos, uploaded.current), serverIds, 0);
    if (order) {
      const result = await reorderImages({ input: { listingId: listing.id, imageIds: order } });
      const payload = result.data?.reorderListingImages;
      if (!payload) return failure(requestErrorMessage(result.error) ?? 'Une erreur inattendue est survenue.');
      if (payload.errors.length > 0) return { errors: groupErrors(payload.errors) };
    }
    navigate(`/listings/${encodeURIComponent(listing.id)}`);
  }

  return (
    <ListingForm mode="edit" initial={initial} readItemType={readItemType} submitLabel="Enregistrer les modifications"
      busyLabel="Enregistrement…" onSubmit={submit} />
  );
}
