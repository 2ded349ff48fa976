import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { Field, TextAreaField, TextField } from '../../ui/forms';
import { CategoryTreeQuery } from '../../graphql/categories';
import { PlacePicker, type PickedPlace } from '../../ui/PlacePicker';
import { TitleItemType } from './ItemTypeChoices';
import {
  CONDITIONS, DESCRIPTION_MAX, MAX_WANTED_CATEGORIES, TITLE_MAX, TITLE_MIN, checkForm,
  type ErrorTarget, type ItemTypeRef, type ListingFormState,
} from './model';
import { PhotosField } from './PhotosField';
import { WantsEditor } from './WantsEditor';
import './listingForm.css';

export type SubmitResult = { errors: Map<ErrorTarget, string> } | void;

interface ListingFormProps {
  mode: 'create' | 'edit';
  initial: ListingFormState;
  /** What Troc had read as the item type when the listing was loaded (edit), shown until the title is changed. */
  readItemType?: ItemTypeRef | null;
  submitLabel: string;
  busyLabel: string;
  onSubmit(state: ListingFormState): Promise<SubmitResult>;
}

/** The listing form shared by « Déposer une annonce » and « Modifier l’annonce ». */
export function ListingForm({ mode, initial, readItemType, submitLabel, busyLabel, onSubmit }: ListingFormProps) {
  const [state, setState] = useState(initial);
  const [errors, setErrors] = useState<Map<ErrorTarget, string>>(new Map());
  const [submitting, setSubmitting] = useState(false);
  // A ref as well as state: two clicks in the same frame both see `submitting` false.
  const inFlight = useRef(false);
  const [focusRequest, setFocusRequest] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const [{ data: categoriesData }] = useQuery({ query: CategoryTreeQuery });
  const categories = categoriesData?.categories ?? [];
  const [picked, setPicked] = useState<PickedPlace | null>(null);
  const conditionId = useId();

  const error = (target: ErrorTarget) => errors.get(target);
  // A message goes once its field is changed: it was about the old value.
  const clearError = (target: ErrorTarget) =>
    setErrors((all) => {
      const stale = [...all.keys()].filter((k) => k === target || k.startsWith(`${target}.`));
      if (stale.length === 0) return all;
      const next = new Map(all);
      stale.forEach((k) => next.delete(k));
      return next;
    });
  const TARGET_OF_KEY: Partial<Record<keyof ListingFormState, ErrorTarget>> = {
    title: 'title', description: 'description', condition: 'condition', place: 'place', wants: 'wants',
    wantedCategories: 'wantedCategories', photos: 'photos',
  };
  const set = <K extends keyof ListingFormState>(key: K, value: ListingFormState[K]) => {
    setState((s) => ({ ...s, [key]: value }));
    const target = TARGET_OF_KEY[key];
    if (target) clearError(target);
  };

  // After a refused submit, the first field at fault gets the focus (or the message at the top).
  useEffect(() => {
    if (focusRequest === 0 || !form.current) return;
    const first = form.current.querySelector<HTMLElement>('[aria-invalid="true"], .lf-general[role="alert"]');
    first?.focus();
    first?.scrollIntoView({ block: 'center' });
  }, [focusRequest]);

  function preselectCategory(itemType: ItemTypeRef | null) {
    if (!itemType?.category || state.categoryChosen) return;
    setState((s) => (s.categoryChosen ? s : { ...s, categoryId: itemType.category!.id }));
    clearError('category');
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (inFlight.current) return;
    const found = checkForm(state, mode);
    if (found.size > 0) {
      setErrors(found);
      setFocusRequest((n) => n + 1);
      return;
    }
    inFlight.current = true;
    setSubmitting(true);
    setErrors(new Map());
    try {
      const result = await onSubmit(state);
      if (result && result.errors.size > 0) {
        setErrors(result.errors);
        setFocusRequest((n) => n + 1);
      }
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  }

  const general = error('general');
  const currentPlaceHint = mode === 'edit' && initial.place && !picked
    ? `Actuellement : ${state.place?.name ?? initial.place.name}. Choisissez une autre commune pour la changer.`
    : undefined;

  return (
    <form ref={form} onSubmit={submit} noValidate className="lf-form" aria-busy={submitting}>
      {general && (
        <div role="alert" className="alert alert-error lf-general" tabIndex={-1}>
          {general.split('\n').map((m, i) => <p key={i}>{m}</p>)}
        </div>
      )}

      <section className="card lf-section" aria-labelledby="lf-what">
        <h2 id="lf-what">L’objet</h2>
        <TextField label="Titre" value={state.title} maxLength={TITLE_MAX + 20} autoComplete="off" required
          placeholder="Par exemple : Perceuse-visseuse Bosch 18 V" error={error('title')}
          hint={`De ${TITLE_MIN} à ${TITLE_MAX} caractères : ce que c’est, la marque, le modèle.`}
          onChange={(e) => set('title', e.target.value)} />
        <TitleItemType title={state.title} value={state.itemType}
          fallback={state.title === initial.title ? readItemType : null} error={error('itemType')}
          onChange={(itemType) => {
            setState((s) => ({ ...s, itemType }));
            clearError('itemType');
            preselectCategory(itemType);
          }}
          onSuggestion={(s) => {
            if (!state.itemType) preselectCategory(s);
          }} />
        <Field label="Catégorie" error={error('category')}
          hint={state.categoryChosen ? undefined : state.categoryId ? 'Proposée d’après le titre ; changez-la si besoin.' : undefined}>
          {(aria) => (
            <select {...aria} value={state.categoryId} required
              onChange={(e) => {
                setState((s) => ({ ...s, categoryId: e.target.value, categoryChosen: e.target.value !== '' }));
                clearError('category');
              }}>
              <option value="">Choisissez une catégorie</option>
              {categories.map((top) => (
                <optgroup key={top.id} label={top.label}>
                  {top.children.map((sub) => <option key={sub.id} value={sub.id}>{sub.label}</option>)}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
        <fieldset className={`lf-condition${error('condition') ? ' field-invalid' : ''}`}
          aria-describedby={error('condition') ? `${conditionId}-error` : undefined}>
          <legend>État</legend>
          <div className="lf-condition-options">
            {CONDITIONS.map((c, i) => (
              <label key={c.value} className="lf-radio">
                <input type="radio" name="condition" value={c.value} checked={state.condition === c.value}
                  aria-invalid={i === 0 && Boolean(error('condition'))} aria-describedby={`${conditionId}-${c.value}`}
                  onChange={() => set('condition', c.value)} />
                <span>
                  <strong>{c.label}</strong>
                  <small id={`${conditionId}-${c.value}`}>{c.description}</small>
                </span>
              </label>
            ))}
          </div>
          {error('condition') && <p className="field-error" id={`${conditionId}-error`}>{error('condition')}</p>}
        </fieldset>
        <TextAreaField label="Description" value={state.description} maxLength={DESCRIPTION_MAX} error={error('description')}
          hint="Facultative : dimensions, état, ce qui est fourni avec." onChange={(e) => set('description', e.target.value)} />
      </section>

      <section className="card lf-section" aria-labelledby="lf-photos">
        <h2 id="lf-photos" className="visually-hidden">Photos</h2>
        <PhotosField photos={state.photos} onChange={(photos) => set('photos', photos)} error={error('photos')}
          newPhotoError={(i) => error(`photos.${i}`)} />
      </section>

      <section className="card lf-section" aria-labelledby="lf-where">
        <h2 id="lf-where">Où</h2>
        <PlacePicker label="Commune" value={picked} error={error('place')}
          hint={currentPlaceHint ?? 'Vous seul voyez le point exact ; les autres membres voient un point approché à ~1 km près.'}
          onChange={(place) => {
            setPicked(place);
            set('place', place?.location
              ? { name: place.name, latitude: place.location.latitude, longitude: place.location.longitude }
              : mode === 'edit' ? initial.place : null);
          }} />
        {currentPlaceHint && (
          <p className="field-hint">Vous seul voyez le point exact ; les autres membres voient un point approché à ~1 km près.</p>
        )}
      </section>

      <section className="card lf-section" aria-labelledby="lf-swap">
        <h2 id="lf-swap">L’échange</h2>
        <WantsEditor wants={state.wants} onChange={(wants) => set('wants', wants)} categories={categories}
          errorOf={(i) => error(`wants.${i}`)} listError={error('wants')} />
        <WantedCategories categories={categories} value={state.wantedCategories} error={error('wantedCategories')}
          onChange={(value) => set('wantedCategories', value)} />
        <label className="lf-check">
          <input type="checkbox" checked={state.openToAnyOffer} onChange={(e) => set('openToAnyOffer', e.target.checked)} />
          <span>Ouvert à toute proposition</span>
        </label>
      </section>

      <div className="lf-submit">
        <button type="submit" className="button button-primary" disabled={submitting}>
          {submitting ? busyLabel : submitLabel}
        </button>
      </div>
    </form>
  );
}

interface WantedCategoriesProps {
  categories: { id: string; label: string; children: { id: string; label: string }[] }[];
  value: { id: string; label: string }[];
  error?: string;
  onChange(value: { id: string; label: string }[]): void;
}

/** Subcategories the owner would take anything from, as removable chips. */
function WantedCategories({ categories, value, error, onChange }: WantedCategoriesProps) {
  const full = value.length >= MAX_WANTED_CATEGORIES;
  return (
    <div className="lf-wanted">
      <Field label="Catégories qui vous intéressent" error={error}
        hint={`Facultatif : vous accepteriez n’importe quel objet de ces catégories (${MAX_WANTED_CATEGORIES} au plus).`}>
        {(aria) => (
          <select {...aria} value="" disabled={full}
            onChange={(e) => {
              const sub = categories.flatMap((c) => c.children).find((c) => c.id === e.target.value);
              if (sub && !value.some((v) => v.id === sub.id)) onChange([...value, { id: sub.id, label: sub.label }]);
            }}>
            <option value="">{full ? 'Maximum atteint' : 'Ajouter une catégorie'}</option>
            {categories.map((top) => (
              <optgroup key={top.id} label={top.label}>
                {top.children.map((sub) => <option key={sub.id} value={sub.id}>{sub.label}</option>)}
              </optgroup>
            ))}
          </select>
        )}
      </Field>
      {value.length > 0 && (
        <ul className="lf-chips lf-wanted-list" aria-label="Catégories choisies">
          {value.map((c) => (
            <li key={c.id} className="chip">
              {c.label}
              <button type="button" className="lf-chip-remove" aria-label={`Retirer ${c.label}`}
                onClick={() => onChange(value.filter((v) => v.id !== c.id))}>×</button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
