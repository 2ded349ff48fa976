import { useEffect, useId, useState } from 'react';
import { useQuery } from 'urql';
import { useDebounced } from '../../ui/useDebounced';
import { titleSuggestionUnsure, type ItemTypeRef } from './model';
import { SuggestItemTypesQuery } from './queries';

/** Item types the resolver reads in a text, best first (nothing for a blank or very short text). */
export function useItemTypeSuggestions(text: string, first: number, minLength = 2) {
  const query = useDebounced(text.trim(), 300);
  const [{ data, fetching }] = useQuery({
    query: SuggestItemTypesQuery,
    variables: { text: query.slice(0, 200), first },
    pause: query.length < minLength,
  });
  const suggestions: (ItemTypeRef & { confidence: number })[] =
    query.length < minLength
      ? []
      : (data?.suggestItemTypes ?? []).map((s) => ({
          id: s.itemType.id,
          label: s.itemType.label,
          category: s.itemType.category,
          confidence: s.confidence,
        }));
  return { suggestions, fetching, settled: query === text.trim() };
}

interface OptionListProps {
  label: string;
  options: readonly (ItemTypeRef & { confidence?: number })[];
  isSelected(option: ItemTypeRef): boolean;
  onPick(option: ItemTypeRef): void;
  /** Shown when there is nothing to list. */
  empty?: string;
}

/** Item types as toggle buttons: each says whether it is the chosen one (aria-pressed). */
export function ItemTypeOptions({ label, options, isSelected, onPick, empty }: OptionListProps) {
  if (options.length === 0) return empty ? <p className="field-hint">{empty}</p> : null;
  return (
    <ul className="lf-options" aria-label={label}>
      {options.map((option) => (
        <li key={option.id}>
          <button type="button" className="lf-option" aria-pressed={isSelected(option)} onClick={() => onPick(option)}>
            {option.label}
            {option.category && <small> · {option.category.label}</small>}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** A search box over the catalogue's item types (suggestItemTypes on what is typed), for types no suggestion offered. */
export function ItemTypeSearch(props: Omit<OptionListProps, 'options' | 'label' | 'empty'> & { label?: string }) {
  const id = useId();
  const [text, setText] = useState('');
  const { suggestions, fetching, settled } = useItemTypeSuggestions(text, 8);
  const label = props.label ?? 'Chercher un type d’objet';
  return (
    <div className="lf-search">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="search" value={text} autoComplete="off" placeholder="Ex. : ponceuse, tente…"
        onChange={(e) => setText(e.target.value)} />
      <div aria-live="polite">
        <ItemTypeOptions label={`Résultats pour « ${text.trim()} »`} options={suggestions} isSelected={props.isSelected}
          onPick={props.onPick}
          empty={text.trim().length >= 2 && settled && !fetching ? 'Aucun type d’objet ne correspond.' : undefined} />
      </div>
    </div>
  );
}

interface TitleItemTypeProps {
  title: string;
  /** The owner's choice; null lets Troc decide. */
  value: ItemTypeRef | null;
  /** What Troc had read when the listing was loaded, shown while the title is unchanged and gives no suggestion. */
  fallback?: ItemTypeRef | null;
  onChange(value: ItemTypeRef | null): void;
  /** The best suggestion for the title, each time it changes: the form pre-selects its category. */
  onSuggestion(suggestion: ItemTypeRef | null): void;
  error?: string | null;
}

/**
 * « Type d’objet : Perceuse-visseuse »: the item type Troc reads in the title, as big classifieds suggest a category
 * while you type, with a menu to pick another suggestion, search the catalogue, or hand the choice back to Troc.
 */
export function TitleItemType({ title, value, fallback, onChange, onSuggestion, error }: TitleItemTypeProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const { suggestions, fetching } = useItemTypeSuggestions(title, 6, 3);
  const top = suggestions[0] ?? null;
  const topId = top?.id ?? null;

  useEffect(() => {
    onSuggestion(top);
    // Only a new best suggestion matters, not a new array with the same one.
  }, [topId]);

  const shown = value ?? top ?? fallback ?? null;
  const unsure = !value && top !== null && titleSuggestionUnsure(suggestions);
  const panelId = `${id}-panel`;

  return (
    <div className={`lf-itemtype${error ? ' field-invalid' : ''}`}>
      <div className="lf-chip-row" aria-live="polite" aria-busy={fetching}>
        {shown ? (
          <span className={`chip${unsure ? ' lf-chip-unsure' : ''}`} data-testid="title-item-type">
            Type d’objet : {shown.label}
            {unsure && <span className="lf-unsure"> ?</span>}
          </span>
        ) : (
          <span className="chip chip-muted" data-testid="title-item-type">
            {title.trim().length >= 3 ? 'Type d’objet : non reconnu' : 'Type d’objet : écrivez un titre'}
          </span>
        )}
        <small className="lf-chip-source">
          {value ? 'choisi par vous' : unsure ? 'Troc hésite : vérifiez' : shown ? 'suggéré par Troc' : ''}
        </small>
        <button type="button" className="button lf-small" aria-expanded={open} aria-controls={panelId} id={`${id}-toggle`}
          onClick={() => setOpen(!open)}>
          Changer le type d’objet
        </button>
      </div>
      {error && <p className="field-error" id={`${id}-error`}>{error}</p>}
      {open && (
        <div className="lf-panel" id={panelId} role="group" aria-labelledby={`${id}-toggle`}
          onKeyDown={(e) => {
            // Escape closes the menu and gives the focus back to its button, as a menu does.
            if (e.key !== 'Escape') return;
            e.preventDefault();
            setOpen(false);
            document.getElementById(`${id}-toggle`)?.focus();
          }}>
          <p className="field-hint">
            {value ? `Vous avez choisi : ${value.label}.` : top ? `Troc lit : ${top.label}.` : 'Troc ne reconnaît pas encore ce titre.'}{' '}
            Choisissez le type qui décrit le mieux votre objet : les échanges sont proposés d’après lui.
          </p>
          <ItemTypeOptions label="Suggestions pour le titre" options={suggestions}
            isSelected={(o) => (value ? value.id === o.id : false)}
            onPick={(o) => {
              onChange(o);
              setOpen(false);
            }}
            empty={title.trim().length >= 3 ? 'Aucune suggestion pour ce titre.' : 'Écrivez le titre pour voir des suggestions.'} />
          <ItemTypeSearch isSelected={(o) => value?.id === o.id} onPick={(o) => {
            onChange(o);
            setOpen(false);
          }} />
          <button type="button" className="button-link" aria-pressed={value === null} onClick={() => {
            onChange(null);
            setOpen(false);
          }}>
            Laisser Troc décider
          </button>
        </div>
      )}
    </div>
  );
}
