import { PageTitle } from '../ui/PageTitle';

export function ListingPage() {
  return (
    <section className="page">
      <PageTitle>Annonce</PageTitle>
    </section>
  );
}
