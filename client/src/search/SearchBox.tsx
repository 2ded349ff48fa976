import { useId, useState, type KeyboardEvent } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { SearchSuggestionsQuery } from '../gql/graphql';
import { useDebounced } from '../ui/useDebounced';

const SuggestionsQuery = graphql(`
  query SearchSuggestions($prefix: String!) {
    searchSuggestions(prefix: $prefix, first: 8) {
      text
      kind
      listingCount
      category {
        id
        slug
        label
      }
    }
  }
`);

export type Suggestion = SearchSuggestionsQuery['searchSuggestions'][number];

interface SearchBoxProps {
  value: string;
  onChange(text: string): void;
  /** A suggestion was chosen (click, or Enter on the highlighted one). */
  onPick(suggestion: Suggestion): void;
}

/**
 * The search box, completing what is typed (`searchSuggestions`) once typing pauses. A WAI-ARIA combobox like the
 * PlacePicker, except that nothing is highlighted until the arrows move: Enter alone searches the words as typed.
 */
export function SearchBox({ value, onChange, onPick }: SearchBoxProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const prefix = useDebounced(value.trim(), 200);
  const wanted = open && prefix.length > 0 && prefix.length <= 100;
  const [{ data }] = useQuery({ query: SuggestionsQuery, variables: { prefix }, pause: !wanted });
  // Suggestions for an older prefix are still better than a flicker, but not once the box is emptied.
  const options = wanted && value.trim() ? (data?.searchSuggestions ?? []) : [];
  const expanded = options.length > 0;

  function pick(suggestion: Suggestion) {
    setOpen(false);
    setActive(-1);
    onPick(suggestion);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (options.length ? (i + 1) % options.length : -1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => (options.length ? (i <= 0 ? options.length - 1 : i - 1) : -1));
    } else if (event.key === 'Enter') {
      if (expanded && options[active]) {
        event.preventDefault();
        pick(options[active]);
      } else {
        setOpen(false);
      }
    } else if (event.key === 'Escape') {
      if (expanded) event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  return (
    <div className="field combobox search-box">
      <label htmlFor={id}>Que cherchez-vous ?</label>
      <input
        id={id}
        type="search"
        name="q"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={`${id}-options`}
        aria-autocomplete="list"
        aria-activedescendant={expanded && options[active] ? `${id}-option-${active}` : undefined}
        autoComplete="off"
        enterKeyHint="search"
        placeholder="Vélo, perceuse, poussette…"
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      {expanded && (
        <ul className="combobox-options" id={`${id}-options`} role="listbox" aria-label="Suggestions">
          {options.map((option, i) => (
            <li
              key={`${option.kind}-${option.text}-${option.category?.id ?? ''}`}
              id={`${id}-option-${i}`}
              role="option"
              aria-selected={i === active}
              aria-label={`${option.text}${option.kind === 'CATEGORY' ? ' (catégorie)' : ''}, ${option.listingCount} annonce${option.listingCount > 1 ? 's' : ''}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(option)}
            >
              <span className="suggestion-text">
                {option.text}
                {option.kind === 'CATEGORY' && <small className="suggestion-kind"> · catégorie</small>}
              </span>
              <small className="suggestion-count">{option.listingCount}</small>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
