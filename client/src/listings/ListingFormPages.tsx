import { PageTitle } from '../ui/PageTitle';

export function NewListingPage() {
  return (
    <section className="page">
      <PageTitle>Déposer une annonce</PageTitle>
    </section>
  );
}

export function EditListingPage() {
  return (
    <section className="page">
      <PageTitle>Modifier l’annonce</PageTitle>
    </section>
  );
}
