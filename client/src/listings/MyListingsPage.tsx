import { PageTitle } from '../ui/PageTitle';

export function MyListingsPage() {
  return (
    <section className="page">
      <PageTitle>Mes annonces</PageTitle>
    </section>
  );
}
