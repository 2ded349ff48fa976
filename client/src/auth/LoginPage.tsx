import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { FormAlert, TextField, splitErrors } from '../ui/forms';
import { PageTitle } from '../ui/PageTitle';
import { useSession } from './SessionProvider';
import { tokensOf } from './tokens';

const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
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

/** Where to go after signing in: only a path of this site, never another origin (open redirect). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { signIn } = useSession();
  const [{ data, error, fetching }, login] = useMutation(LoginMutation);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const { byField, general } = splitErrors(data?.login.errors);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await login({ input: { email, password } });
    const tokens = tokensOf(result.data?.login);
    if (tokens) {
      signIn(tokens);
      navigate(safeNext(params.get('next')), { replace: true });
    }
  }

  return (
    <section className="page narrow">
      <PageTitle>Se connecter</PageTitle>
      <form onSubmit={submit} noValidate>
        <FormAlert errors={general} requestError={error} />
        <TextField label="Adresse email" type="email" autoComplete="email" required value={email}
          onChange={(e) => setEmail(e.target.value)} error={byField.get('email')} />
        <TextField label="Mot de passe" type="password" autoComplete="current-password" required value={password}
          onChange={(e) => setPassword(e.target.value)} error={byField.get('password')} />
        <button type="submit" className="button button-primary" disabled={fetching}>
          {fetching ? 'Connexion…' : 'Se connecter'}
        </button>
      </form>
      <p>
        <Link to="/forgot-password">Mot de passe oublié ?</Link> · <Link to="/register">Créer un compte</Link>
      </p>
    </section>
  );
}
