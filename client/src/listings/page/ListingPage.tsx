import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { FormAlert } from '../../ui/forms';
import { PageTitle } from '../../ui/PageTitle';
import { ListingView } from './ListingView';
import { ListingPageQueryDocument } from './queries';
import './listingPage.css';

// A listing's page, /listings/:id. Its parts are in this folder, one component a file; its documents in queries.ts.

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
