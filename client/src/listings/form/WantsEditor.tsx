import { useId, useState } from 'react';
import { useQuery } from 'urql';
import type { CategoryTree } from '../../graphql/categories';
import { useDebounced } from '../../ui/useDebounced';
import { ItemTypeOptions, ItemTypeSearch, useItemTypeSuggestions } from './ItemTypeChoices';
import { MAX_WANTS, MAX_WANT_ITEM_TYPES, UNSURE_BELOW, WANT_MAX, newKey, type ItemTypeRef, type WantChoice, type WantDraft } from './model';
import { PreviewWantQuery } from './queries';

type Categories = CategoryTree;

interface WantsEditorProps {
  wants: WantDraft[];
  onChange(wants: WantDraft[]): void;
  categories: Categories;
  /** Messages by want row, and one for the list as a whole. */
  errorOf(index: number): string | undefined;
  listError?: string;
}

/** Up to five wants, each with the chip of what Troc reads in it, which the owner can correct. */
export function WantsEditor({ wants, onChange, categories, errorOf, listError }: WantsEditorProps) {
  const set = (index: number, want: WantDraft) => onChange(wants.map((w, i) => (i === index ? want : w)));
  return (
    <fieldset className="lf-wants" data-error-target="wants" aria-describedby={listError ? 'lf-wants-error' : undefined}>
      <legend>Ce que vous aimeriez en échange</legend>
      <p className="field-hint">
        Jusqu’à {MAX_WANTS} souhaits, en quelques mots (« un vélo de ville », « de l’outillage »). Troc reconnaît le type
        d’objet de chacun pour trouver les échanges ; corrigez-le s’il se trompe.
      </p>
      {listError && <p className="field-error" id="lf-wants-error">{listError}</p>}
      <ol className="lf-want-list">
        {wants.map((want, index) => (
          <WantRow key={want.key} index={index} want={want} categories={categories} error={errorOf(index)}
            onChange={(next) => set(index, next)} onRemove={() => onChange(wants.filter((_, i) => i !== index))} />
        ))}
      </ol>
      {wants.length < MAX_WANTS && (
        <button type="button" className="button lf-small"
          onClick={() => onChange([...wants, { key: newKey('w'), text: '', choice: { kind: 'auto' } }])}>
          + Ajouter un souhait
        </button>
      )}
    </fieldset>
  );
}

interface WantRowProps {
  index: number;
  want: WantDraft;
  categories: Categories;
  error?: string;
  onChange(want: WantDraft): void;
  onRemove(): void;
}

function WantRow({ index, want, categories, error, onChange, onRemove }: WantRowProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const label = `Souhait ${index + 1}`;
  const describedBy = [`${id}-chip`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  const setChoice = (choice: WantChoice) => onChange({ ...want, choice });
  return (
    <li className={`lf-want${error ? ' field-invalid' : ''}`}>
      <div className="lf-want-line">
        <div className="field">
          <label htmlFor={id}>{label}</label>
          <input id={id} value={want.text} maxLength={WANT_MAX + 20} placeholder="Par exemple : un vélo de ville"
            aria-invalid={Boolean(error)} aria-describedby={describedBy} data-error-target={`wants.${index}`}
            onChange={(e) => onChange({ ...want, text: e.target.value })} />
        </div>
        <button type="button" className="button lf-small lf-remove" aria-label={`Retirer le souhait ${index + 1}`} onClick={onRemove}>
          Retirer
        </button>
      </div>
      {error && <p className="field-error" id={`${id}-error`}>{error}</p>}
      <div className="lf-chip-row" id={`${id}-chip`}>
        <WantChip want={want} label={label} />
        <button type="button" className="button lf-small" aria-expanded={open} aria-controls={`${id}-panel`} id={`${id}-toggle`}
          aria-label={`Changer ce que demande le souhait ${index + 1}`} onClick={() => setOpen(!open)}>
          Changer
        </button>
      </div>
      {open && (
        <WantChoicePanel id={`${id}-panel`} want={want} categories={categories} onChoice={setChoice} onClose={() => {
          setOpen(false);
          document.getElementById(`${id}-toggle`)?.focus();
        }} />
      )}
    </li>
  );
}

/** What the want asks for: the owner's choice, else previewWant's reading of the text (exactly what would be stored). */
function WantChip({ want, label }: { want: WantDraft; label: string }) {
  const text = useDebounced(want.text.trim(), 350);
  const auto = want.choice.kind === 'auto';
  const [{ data, fetching }] = useQuery({ query: PreviewWantQuery, variables: { text: text.slice(0, WANT_MAX) }, pause: !auto || text === '' });
  const testId = `want-chip-${label}`;

  if (want.choice.kind === 'itemTypes')
    return (
      <span className="lf-chips" aria-live="polite">
        {want.choice.itemTypes.map((t) => <span key={t.id} className="chip" data-testid={testId}>{t.label}</span>)}
        <small className="lf-chip-source">choisi par vous</small>
      </span>
    );
  if (want.choice.kind === 'category')
    return (
      <span className="lf-chips" aria-live="polite">
        <span className="chip" data-testid={testId}>Toute la sous-catégorie {want.choice.category.label}</span>
        <small className="lf-chip-source">choisi par vous</small>
      </span>
    );
  if (want.text.trim() === '') return <span className="lf-chips"><small className="lf-chip-source">Écrivez un souhait pour voir ce que Troc y lit.</small></span>;

  const preview = text === want.text.trim() ? data?.previewWant : null;
  const unsure = preview && preview.scope !== 'UNRESOLVED' && preview.confidence < UNSURE_BELOW;
  return (
    <span className="lf-chips" aria-live="polite" aria-busy={fetching || !preview}>
      {!preview ? (
        <small className="lf-chip-source">Lecture…</small>
      ) : preview.scope === 'ITEM_TYPES' ? (
        preview.itemTypes.map((t, i) => (
          <span key={t.itemType.id} className={`chip${i > 0 ? ' lf-chip-alt' : ''}${unsure ? ' lf-chip-unsure' : ''}`} data-testid={testId}>
            {t.itemType.label}
            {unsure && i === 0 && <span className="lf-unsure"> ?</span>}
          </span>
        ))
      ) : preview.scope === 'SUBCATEGORY' ? (
        <span className={`chip${unsure ? ' lf-chip-unsure' : ''}`} data-testid={testId}>
          Toute la sous-catégorie {preview.category?.label}{unsure && <span className="lf-unsure"> ?</span>}
        </span>
      ) : (
        <span className="chip chip-muted" data-testid={testId}>Non reconnu</span>
      )}
      {preview && preview.scope !== 'UNRESOLVED' && (
        <small className="lf-chip-source">{unsure ? 'Troc hésite : vérifiez' : 'lu par Troc'}</small>
      )}
    </span>
  );
}

interface PanelProps {
  id: string;
  want: WantDraft;
  categories: Categories;
  onChoice(choice: WantChoice): void;
  onClose(): void;
}

/** Pick up to three item types (suggested for the text, or searched), a whole subcategory, or give it back to Troc. */
function WantChoicePanel({ id, want, categories, onChoice, onClose }: PanelProps) {
  const { suggestions } = useItemTypeSuggestions(want.text, 6);
  const chosen = want.choice.kind === 'itemTypes' ? want.choice.itemTypes : [];
  const full = chosen.length >= MAX_WANT_ITEM_TYPES;

  function toggle(option: ItemTypeRef) {
    const next = chosen.some((t) => t.id === option.id)
      ? chosen.filter((t) => t.id !== option.id)
      : full ? chosen : [...chosen, { id: option.id, label: option.label }];
    onChoice(next.length > 0 ? { kind: 'itemTypes', itemTypes: next } : { kind: 'auto' });
  }
  const isSelected = (o: ItemTypeRef) => chosen.some((t) => t.id === o.id);

  return (
    <div className="lf-panel" id={id} role="group" aria-label="Ce que demande ce souhait"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        onClose();
      }}>
      <p className="field-hint">
        Choisissez jusqu’à {MAX_WANT_ITEM_TYPES} types d’objets{full ? ' (maximum atteint)' : ''}, ou toute une sous-catégorie.
      </p>
      <ItemTypeOptions label="Types d’objets suggérés" options={suggestions} isSelected={isSelected} onPick={toggle}
        empty={want.text.trim() ? 'Aucune suggestion pour ce souhait.' : undefined} />
      <ItemTypeSearch isSelected={isSelected} onPick={toggle} />
      <div className="field">
        <label htmlFor={`${id}-category`}>Ou toute une sous-catégorie</label>
        <select id={`${id}-category`} value={want.choice.kind === 'category' ? want.choice.category.id : ''}
          onChange={(e) => {
            const sub = categories.flatMap((c) => c.children).find((c) => c.id === e.target.value);
            onChoice(sub ? { kind: 'category', category: { id: sub.id, label: sub.label } } : { kind: 'auto' });
          }}>
          <option value="">—</option>
          {categories.map((top) => (
            <optgroup key={top.id} label={top.label}>
              {top.children.map((sub) => <option key={sub.id} value={sub.id}>{sub.label}</option>)}
            </optgroup>
          ))}
        </select>
      </div>
      <div className="lf-panel-actions">
        <button type="button" className="button-link" aria-pressed={want.choice.kind === 'auto'} onClick={() => {
          onChoice({ kind: 'auto' });
          onClose();
        }}>
          Laisser Troc décider
        </button>
        <button type="button" className="button lf-small" onClick={onClose}>Fermer</button>
      </div>
    </div>
  );
}
