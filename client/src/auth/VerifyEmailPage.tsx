import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { FormAlert } from '../ui/forms';
import { PageTitle } from '../ui/PageTitle';
import { useSession } from './SessionProvider';

const VerifyEmailMutation = graphql(`
  mutation VerifyEmail($input: VerifyEmailInput!) {
    verifyEmail(input: $input) {
      user {
        id
        emailVerified
      }
      errors {
        __typename
        ...PayloadError
      }
    }
  }
`);

const ResendVerificationMutation = graphql(`
  mutation ResendVerificationEmail {
    resendVerificationEmail {
      errors {
        __typename
        ...PayloadError
      }
    }
  }
`);

/** The link mailed at registration lands here with `?token=`; without one, the page says to look for the mail. */
export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  return token ? <VerifyToken token={token} /> : <CheckYourMail />;
}

function VerifyToken({ token }: { token: string }) {
  const { viewer, refreshSession } = useSession();
  const [{ data, error, fetching }, verify] = useMutation(VerifyEmailMutation);
  const sent = useRef(false);

  useEffect(() => {
    // Tokens are single use: React's development double effects must not spend it twice.
    if (sent.current) return;
    sent.current = true;
    void verify({ input: { token } }).then(async (result) => {
      // The access token says whether the email is verified: get one that says yes.
      if (result.data?.verifyEmail.user && viewer) await refreshSession();
    });
  }, [token, verify, viewer, refreshSession]);

  const errors = data?.verifyEmail.errors ?? [];
  return (
    <section className="page narrow">
      <PageTitle>Confirmation de l’adresse email</PageTitle>
      {fetching || (!data && !error) ? <p aria-busy="true">Confirmation en cours…</p> : null}
      <FormAlert errors={errors} requestError={error} />
      {data?.verifyEmail.user && (
        <div role="status" className="alert alert-success">
          <p>Votre adresse est confirmée. Vous pouvez déposer des annonces.</p>
          <p>
            <Link to={viewer ? '/listings/new' : '/login'}>{viewer ? 'Déposer une annonce' : 'Se connecter'}</Link>
          </p>
        </div>
      )}
    </section>
  );
}

function CheckYourMail() {
  const { viewer } = useSession();
  const [{ data, error, fetching }, resend] = useMutation(ResendVerificationMutation);
  const errors = (data?.resendVerificationEmail.errors ?? []);
  return (
    <section className="page narrow">
      <PageTitle>Confirmez votre adresse email</PageTitle>
      <p>
        Nous avons envoyé un lien à <strong>{viewer?.email ?? 'votre adresse'}</strong>. Ouvrez-le pour confirmer votre
        compte ; vous pourrez ensuite déposer des annonces.
      </p>
      {viewer && !viewer.emailVerified && (
        <>
          <FormAlert errors={errors} requestError={error} />
          {data && errors.length === 0 && (
            <p role="status" className="alert alert-success">
              Un nouveau lien est parti.
            </p>
          )}
          <button type="button" className="button" disabled={fetching} onClick={() => void resend({})}>
            Renvoyer le lien
          </button>
        </>
      )}
      {viewer?.emailVerified && <p>Votre adresse est déjà confirmée.</p>}
    </section>
  );
}
