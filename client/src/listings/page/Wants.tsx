import type { PageListing } from './queries';

/** What the owner would take in exchange: Troc's reading of each want, the wanted categories, « any offer ». */
export function Wants({ listing }: { listing: PageListing }) {
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
