import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { FormAlert, TextField, splitErrors } from '../ui/forms';
import { PageTitle } from '../ui/PageTitle';

const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input) {
      accepted
      errors {
        __typename
        ...PayloadError
      }
    }
  }
`);

const ResetPasswordMutation = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) {
      user {
        id
      }
      errors {
        __typename
        ...PayloadError
      }
    }
  }
`);

export function ForgotPasswordPage() {
  const [{ data, error, fetching }, request] = useMutation(RequestPasswordResetMutation);
  const [email, setEmail] = useState('');
  const { byField, general } = splitErrors(data?.requestPasswordReset.errors);

  async function submit(event: FormEvent) {
    event.preventDefault();
    await request({ input: { email } });
  }

  return (
    <section className="page narrow">
      <PageTitle>Mot de passe oublié</PageTitle>
      {data?.requestPasswordReset.accepted ? (
        // The same answer whether or not an account uses the address: no one learns who is a member.
        <p role="status" className="alert alert-success">
          Si un compte utilise cette adresse, un lien pour choisir un nouveau mot de passe vient d’y être envoyé.
        </p>
      ) : (
        <form onSubmit={submit} noValidate>
          <FormAlert errors={general} requestError={error} />
          <TextField label="Adresse email" type="email" autoComplete="email" required value={email}
            onChange={(e) => setEmail(e.target.value)} error={byField.get('email')} />
          <button type="submit" className="button button-primary" disabled={fetching}>
            Recevoir un lien
          </button>
        </form>
      )}
    </section>
  );
}

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [{ data, error, fetching }, reset] = useMutation(ResetPasswordMutation);
  const [newPassword, setNewPassword] = useState('');
  // WEAK_PASSWORD is about the one field of the form; token errors (expired, used) are about the link.
  const { byField, general } = splitErrors(
    data?.resetPassword.errors.map((e) => (e.code === 'WEAK_PASSWORD' ? { ...e, field: 'newPassword' } : e)),
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    await reset({ input: { token, newPassword } });
  }

  return (
    <section className="page narrow">
      <PageTitle>Nouveau mot de passe</PageTitle>
      {data?.resetPassword.user ? (
        <p role="status" className="alert alert-success">
          Votre mot de passe est changé et vos autres sessions sont fermées. <Link to="/login">Se connecter</Link>
        </p>
      ) : (
        <form onSubmit={submit} noValidate>
          <FormAlert errors={general} requestError={error} />
          <TextField label="Nouveau mot de passe" type="password" autoComplete="new-password" required value={newPassword}
            onChange={(e) => setNewPassword(e.target.value)} error={byField.get('newPassword')}
            hint="Au moins 10 caractères ; une petite phrase fait très bien l’affaire." />
          <button type="submit" className="button button-primary" disabled={fetching || !token}>
            Changer le mot de passe
          </button>
        </form>
      )}
    </section>
  );
}
