import { Link, NavLink, Navigate, Route, Routes, useLocation } from 'react-router';
import { Suspense, lazy, type ComponentType, type ReactNode } from 'react';
import { useSession } from './auth/SessionProvider';
import { SearchPage } from './search/SearchPage';
import { PageTitle } from './ui/PageTitle';

/**
 * A page whose code loads when it is first shown. The search page, the home, comes with the app; every other page is
 * a chunk of its own, so that a first visit on a phone downloads and runs only what the home needs.
 */
function lazyPage<Module, Name extends keyof Module>(load: () => Promise<Module>, name: Name) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const LoginPage = lazyPage(() => import('./auth/LoginPage'), 'LoginPage');
const RegisterPage = lazyPage(() => import('./auth/RegisterPage'), 'RegisterPage');
const VerifyEmailPage = lazyPage(() => import('./auth/VerifyEmailPage'), 'VerifyEmailPage');
const ForgotPasswordPage = lazyPage(() => import('./auth/PasswordPages'), 'ForgotPasswordPage');
const ResetPasswordPage = lazyPage(() => import('./auth/PasswordPages'), 'ResetPasswordPage');
const ListingPage = lazyPage(() => import('./listings/page/ListingPage'), 'ListingPage');
const NewListingPage = lazyPage(() => import('./listings/ListingFormPages'), 'NewListingPage');
const EditListingPage = lazyPage(() => import('./listings/ListingFormPages'), 'EditListingPage');
const MyListingsPage = lazyPage(() => import('./listings/MyListingsPage'), 'MyListingsPage');

export function App() {
  return (
    <>
      <Header />
      <main id="content">
        <Suspense fallback={<p aria-busy="true">Chargement…</p>}>
          <Routes>
            <Route path="/" element={<SearchPage />} />
            <Route path="/login" element={<LoginPage />} />
            <Route path="/register" element={<RegisterPage />} />
            <Route path="/verify-email" element={<VerifyEmailPage />} />
            <Route path="/forgot-password" element={<ForgotPasswordPage />} />
            <Route path="/reset-password" element={<ResetPasswordPage />} />
            <Route path="/listings/new" element={<RequireVerified><NewListingPage /></RequireVerified>} />
            <Route path="/listings/:id" element={<ListingPage />} />
            <Route path="/listings/:id/edit" element={<RequireSignIn><EditListingPage /></RequireSignIn>} />
            <Route path="/me/listings" element={<RequireSignIn><MyListingsPage /></RequireSignIn>} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Suspense>
      </main>
    </>
  );
}

/** The site's header. index.html draws its first lines before the scripts load: keep the two alike. */
function Header() {
  const { viewer, signOut } = useSession();
  return (
    <header className="site-header">
      <a className="skip-link" href="#content">
        Aller au contenu
      </a>
      <Link to="/" className="brand" aria-label="Troc, accueil">
        <img src="/favicon.svg" alt="" width="28" height="28" />
        <span>Troc</span>
      </Link>
      <nav aria-label="Principal">
        <NavLink to="/listings/new" className="button button-primary">
          Déposer une annonce
        </NavLink>
        {viewer ? (
          <>
            <NavLink to="/me/listings">Mes annonces</NavLink>
            <span className="viewer-name" title={viewer.email ?? undefined}>
              {viewer.displayName}
            </span>
            <button type="button" className="button-link" onClick={() => void signOut()}>
              Se déconnecter
            </button>
          </>
        ) : viewer === null ? (
          <>
            <NavLink to="/login">Se connecter</NavLink>
            <NavLink to="/register">Créer un compte</NavLink>
          </>
        ) : null}
      </nav>
    </header>
  );
}

/** Pages for signed-in members: others are sent to sign in, and come back here after. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { viewer } = useSession();
  const location = useLocation();
  if (viewer === undefined) return <p aria-busy="true">Chargement…</p>;
  if (viewer === null) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return children;
}

/** Posting needs a confirmed email address (the API refuses it otherwise): say so rather than fail at the end. */
function RequireVerified({ children }: { children: ReactNode }) {
  const { viewer } = useSession();
  return (
    <RequireSignIn>
      {viewer && !viewer.emailVerified ? (
        <section className="page narrow">
          <PageTitle>Confirmez votre adresse email</PageTitle>
          <p>
            Pour déposer une annonce, ouvrez le lien que nous avons envoyé à <strong>{viewer.email}</strong>.
          </p>
        </section>
      ) : (
        children
      )}
    </RequireSignIn>
  );
}

function NotFound() {
  return (
    <section className="page narrow">
      <PageTitle>Page introuvable</PageTitle>
      <p>
        Cette page n’existe pas. <Link to="/">Retour aux annonces</Link>
      </p>
    </section>
  );
}
