import { useState } from 'react';
import type { PageListing } from './queries';

export function Gallery({ listing }: { listing: PageListing }) {
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
