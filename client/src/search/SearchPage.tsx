import { PageTitle } from '../ui/PageTitle';

export function SearchPage() {
  return (
    <section className="page">
      <PageTitle>Annonces</PageTitle>
    </section>
  );
}
