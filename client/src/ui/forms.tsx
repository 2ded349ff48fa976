import { useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react';
import type { CombinedError } from 'urql';

/** A payload error as every mutation returns them: a code, a French message and, for input errors, the field. */
export interface PayloadError {
  __typename?: string;
  code: string;
  message: string;
  field?: string | null;
}

/** Splits payload errors into those that name a field (shown under it) and the rest (shown above the form). */
export function splitErrors(errors: readonly PayloadError[] | null | undefined) {
  const byField = new Map<string, string>();
  const general: PayloadError[] = [];
  for (const error of errors ?? []) {
    if (error.field && !byField.has(error.field)) byField.set(error.field, error.message);
    else if (!error.field) general.push(error);
  }
  return { byField, general };
}

/** The message for a failure of the request itself (network down, server fault), never a stack trace. */
export function requestErrorMessage(error: CombinedError | undefined): string | null {
  if (!error) return null;
  if (error.networkError) return 'Le serveur ne répond pas. Vérifiez votre connexion et réessayez.';
  return error.graphQLErrors[0]?.message ?? 'Une erreur inattendue est survenue.';
}

export function FormAlert({ errors, requestError }: { errors?: readonly PayloadError[]; requestError?: CombinedError }) {
  const messages = [...(errors ?? []).map((e) => e.message), requestErrorMessage(requestError)].filter(Boolean);
  if (messages.length === 0) return null;
  return (
    <div role="alert" className="alert alert-error">
      {messages.map((message, i) => (
        <p key={i}>{message}</p>
      ))}
    </div>
  );
}

interface FieldProps {
  label: string;
  error?: string | null;
  hint?: ReactNode;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}

/** A label, the control, a hint and the field's error, wired together for screen readers. */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

export function TextField({ label, error, hint, ...input }: InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string | null; hint?: ReactNode }) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(aria) => <input {...input} {...aria} />}
    </Field>
  );
}

export function TextAreaField({ label, error, hint, ...textarea }: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; error?: string | null; hint?: ReactNode }) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(aria) => <textarea {...textarea} {...aria} />}
    </Field>
  );
}
