import { useEffect, useId, useRef, useState } from 'react';
import { MAX_PHOTOS, MAX_PHOTO_MEGABYTES, PHOTO_TYPES, checkFiles, moveToFront, newKey, type PhotoDraft } from './model';

interface PhotosFieldProps {
  photos: PhotoDraft[];
  onChange(photos: PhotoDraft[]): void;
  error?: string;
  /** The server's message for the i-th new photo (`images[i]`). */
  newPhotoError(index: number): string | undefined;
}

/** Photos: pick several, see them, remove one, make one the cover. Files are checked here before any upload. */
export function PhotosField({ photos, onChange, error, newPhotoError }: PhotosFieldProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [refused, setRefused] = useState<string[]>([]);

  // Object URLs hold the file in memory until revoked: free them when the page goes.
  const urls = useRef(new Set<string>());
  useEffect(() => () => urls.current.forEach((url) => URL.revokeObjectURL(url)), []);

  function add(files: FileList | null) {
    const { accepted, refused } = checkFiles(Array.from(files ?? []), photos.length);
    setRefused(refused);
    const added = accepted.map((file): PhotoDraft => {
      const url = URL.createObjectURL(file);
      urls.current.add(url);
      return { kind: 'new', key: newKey('p'), file, url };
    });
    if (added.length > 0) onChange([...photos, ...added]);
    if (input.current) input.current.value = '';
  }

  // The server names a refused photo by its index among the new ones (`images[i]`), as they are the only ones sent.
  let newIndex = 0;
  const photoErrors = photos.map((p) => (p.kind === 'new' ? newPhotoError(newIndex++) : undefined));
  const messages = [...refused, ...(error ? [error] : [])];
  const invalid = messages.length > 0 || photoErrors.some(Boolean);
  return (
    <fieldset className={`lf-photos${invalid ? ' field-invalid' : ''}`}>
      <legend>Photos</legend>
      <p className="field-hint" id={`${id}-hint`}>
        Jusqu’à {MAX_PHOTOS} photos JPEG, PNG ou WebP de {MAX_PHOTO_MEGABYTES} Mo au plus. La première est la couverture.
      </p>
      {photos.length > 0 && (
        <ol className="lf-thumbs" aria-label="Photos de l’annonce">
          {photos.map((photo, index) => {
            const serverError = photoErrors[index];
            const name = photo.kind === 'new' ? photo.file.name : `Photo ${index + 1}`;
            return (
              <li key={photo.kind === 'new' ? photo.key : photo.id} className={`lf-thumb${serverError ? ' lf-thumb-invalid' : ''}`}>
                <img src={photo.url} alt={`${index === 0 ? 'Couverture' : `Photo ${index + 1}`} : ${name}`} />
                {index === 0 && <span className="lf-cover">Couverture</span>}
                <div className="lf-thumb-actions">
                  {index > 0 && (
                    <button type="button" className="button lf-small" aria-label={`Mettre la photo ${index + 1} en couverture`}
                      onClick={() => onChange(moveToFront(photos, index))}>
                      Couverture
                    </button>
                  )}
                  <button type="button" className="button lf-small" aria-label={`Retirer la photo ${index + 1}`}
                    onClick={() => onChange(photos.filter((_, i) => i !== index))}>
                    Retirer
                  </button>
                </div>
                {serverError && <p className="field-error">{serverError}</p>}
              </li>
            );
          })}
        </ol>
      )}
      {photos.length < MAX_PHOTOS && (
        <div className="field">
          <label htmlFor={id} className="button lf-add-photos">Ajouter des photos</label>
          <input ref={input} id={id} type="file" multiple accept={PHOTO_TYPES.join(',')} className="lf-file-input"
            aria-describedby={`${id}-hint${messages.length ? ` ${id}-error` : ''}`} aria-invalid={invalid}
            data-error-target="photos" onChange={(e) => add(e.target.files)} />
        </div>
      )}
      {messages.length > 0 && (
        <div className="field-error" id={`${id}-error`} role="alert">
          {messages.map((m, i) => <p key={i}>{m}</p>)}
        </div>
      )}
    </fieldset>
  );
}
