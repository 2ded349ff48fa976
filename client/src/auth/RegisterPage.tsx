import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { FormAlert, TextField, splitErrors } from '../ui/forms';
import { PageTitle } from '../ui/PageTitle';
import { useSession } from './SessionProvider';
import { tokensOf } from './tokens';

const RegisterMutation = graphql(`
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      accessToken
      accessTokenExpiresAt
      refreshToken
      refreshTokenExpiresAt
      errors {
        __typename
        ...PayloadError
      }
    }
  }
`);

/** Errors the API reports without a field, placed under the field they are about. */
const FIELD_OF_CODE: Record<string, string> = { EMAIL_TAKEN: 'email', WEAK_PASSWORD: 'password' };

export function RegisterPage() {
  const navigate = useNavigate();
  const { signIn } = useSession();
  const [{ data, error, fetching }, register] = useMutation(RegisterMutation);
  const [form, setForm] = useState({ displayName: '', email: '', password: '' });

  const errors = (data?.register.errors ?? []).map((e) =>
    !('field' in e) && FIELD_OF_CODE[e.code] ? { ...e, field: FIELD_OF_CODE[e.code] } : e,
  );
  const { byField, general } = splitErrors(errors);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await register({ input: form });
    const tokens = tokensOf(result.data?.register);
    if (tokens) {
      signIn(tokens);
      navigate('/verify-email', { replace: true });
    }
  }

  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  return (
    <section className="page narrow">
      <PageTitle>Créer un compte</PageTitle>
      <form onSubmit={submit} noValidate>
        <FormAlert errors={general} requestError={error} />
        <TextField label="Nom affiché" autoComplete="nickname" required value={form.displayName} onChange={set('displayName')}
          error={byField.get('displayName')} hint="Ce que les autres membres verront, de 2 à 50 caractères." />
        <TextField label="Adresse email" type="email" autoComplete="email" required value={form.email} onChange={set('email')}
          error={byField.get('email')} />
        <TextField label="Mot de passe" type="password" autoComplete="new-password" required value={form.password}
          onChange={set('password')} error={byField.get('password')}
          hint="Au moins 10 caractères ; une petite phrase fait très bien l’affaire." />
        <button type="submit" className="button button-primary" disabled={fetching}>
          {fetching ? 'Création…' : 'Créer mon compte'}
        </button>
      </form>
      <p>
        Déjà membre ? <Link to="/login">Se connecter</Link>
      </p>
    </section>
  );
}
