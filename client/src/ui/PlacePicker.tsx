import { useId, useState, type KeyboardEvent } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { PlaceOptionFragment } from '../gql/graphql';
import { useDebounced } from './useDebounced';

export const PlaceOption = graphql(`
  fragment PlaceOption on Place {
    id
    name
    postalCodes
    departmentCode
    location {
      latitude
      longitude
    }
  }
`);

const PlacesQuery = graphql(`
  query Places($query: String!) {
    places(query: $query, first: 8) {
      ...PlaceOption
    }
  }
`);

export type PickedPlace = PlaceOptionFragment;

/** « Lyon (69) » — the name and department people recognise a commune by. */
export function placeLabel(place: Pick<PickedPlace, 'name' | 'departmentCode'>): string {
  return `${place.name} (${place.departmentCode})`;
}

interface PlacePickerProps {
  label: string;
  value: PickedPlace | null;
  onChange(place: PickedPlace | null): void;
  error?: string | null;
  hint?: string;
}

/**
 * A town chooser: type the start of a name or a postal code, pick one of France's communes (the `places` query).
 * A combobox in the WAI-ARIA sense: arrows move through the options, Enter picks, Escape closes.
 */
export function PlacePicker({ label, value, onChange, error, hint }: PlacePickerProps) {
  const id = useId();
  const [text, setText] = useState(value ? placeLabel(value) : '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const query = useDebounced(text.trim(), 200);
  const searching = open && query.length > 0 && (!value || text !== placeLabel(value));
  const [{ data, fetching }] = useQuery({ query: PlacesQuery, variables: { query }, pause: !searching });
  const options = searching ? (data?.places ?? []).filter((p) => p.location) : [];

  function pick(place: PickedPlace) {
    onChange(place);
    setText(placeLabel(place));
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, Math.max(options.length - 1, 0)));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter' && open && options[active]) {
      event.preventDefault();
      pick(options[active]);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  }

  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field combobox${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        role="combobox"
        aria-expanded={options.length > 0}
        aria-controls={`${id}-options`}
        aria-autocomplete="list"
        aria-activedescendant={options[active] ? `${id}-option-${active}` : undefined}
        aria-invalid={Boolean(error)}
        aria-describedby={describedBy}
        autoComplete="off"
        placeholder="Ville ou code postal"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
          if (value) onChange(null);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      {options.length > 0 && (
        <ul className="combobox-options" id={`${id}-options`} role="listbox" aria-label={label}>
          {options.map((place, i) => (
            <li
              key={place.id}
              id={`${id}-option-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(place)}
            >
              <span>{place.name}</span> <small>{place.postalCodes[0] ?? place.departmentCode}</small>
            </li>
          ))}
        </ul>
      )}
      {searching && !fetching && data && options.length === 0 && <p className="field-hint">Aucune commune ne correspond.</p>}
      {hint && <p className="field-hint" id={`${id}-hint`}>{hint}</p>}
      {error && <p className="field-error" id={`${id}-error`}>{error}</p>}
    </div>
  );
}
