import {
  type ReactNode,
  useCallback,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
} from 'react';
import {
  api,
  type Config,
  getSession,
  onUnauthorized,
  setApiLanguage,
  setSession,
  subscribeSession,
} from './api';
import { mountApp, SiteFrame } from './components';
import { detectLang, I18nContext, makeI18n, useLang } from './i18n';
import { navigate, parseRoute, takeTokenFromUrl, usePathname } from './router';
import '../../ui-shared/base.css';
import './styles.css';
import { BuildsView } from './views/Builds';
import { NotFoundView } from './views/NotFound';
import { ReceiptView } from './views/Receipt';
import { RequestsView } from './views/Requests';
import { type Notice, StartView } from './views/Start';
import { StatusView } from './views/Status';
import { VerifyView } from './views/Verify';

function App({ initialToken }: { initialToken: string | null }) {
  const [lang, setLang] = useLang(setApiLanguage);
  const [config, setConfig] = useState<Config | null>(null);
  const [configError, setConfigError] = useState<unknown>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pendingToken, setPendingToken] = useState(initialToken);
  const pathname = usePathname();
  const route = parseRoute(pathname);
  const session = useSyncExternalStore(subscribeSession, getSession);

  const i18n = useMemo(() => makeI18n(lang, setLang), [lang, setLang]);
  const { t } = i18n;

  const loadConfig = useCallback(() => {
    setConfigError(null);
    api.config().then(setConfig, setConfigError);
  }, []);
  useEffect(loadConfig, [loadConfig]);

  useEffect(() => {
    onUnauthorized(() => {
      setNotice('expired');
      navigate('/');
    });
  }, []);

  // Views other than the start page need a session.
  const needsSession = !['start', 'notFound', 'verify'].includes(route.name);
  useEffect(() => {
    if (needsSession && !session) navigate('/', { replace: true });
  }, [needsSession, session]);

  // A notice belongs to the start page visit it was made for.
  useEffect(() => {
    if (route.name !== 'start') setNotice(null);
  }, [route.name]);

  const onTokenDone = useCallback(() => setPendingToken(null), []);

  const signOut = async () => {
    await api.signOut();
    navigate('/');
    setSession(null);
    setNotice('signedOut');
  };

  let view: ReactNode = null;
  if (!needsSession || session) {
    switch (route.name) {
      case 'start':
        view = (
          <StartView
            config={config}
            configError={configError}
            onRetryConfig={loadConfig}
            signedIn={Boolean(session)}
            notice={notice}
            pendingToken={pendingToken}
            onTokenDone={onTokenDone}
          />
        );
        break;
      case 'status':
        view = <StatusView />;
        break;
      case 'receipt':
        view = <ReceiptView index={route.index} config={config} />;
        break;
      case 'builds':
        view = <BuildsView />;
        break;
      case 'requests':
        view = <RequestsView />;
        break;
      case 'verify':
        view = <VerifyView />;
        break;
      case 'notFound':
        view = <NotFoundView />;
        break;
    }
  }

  const navItems = [
    { to: '/status', label: t.navStatus, current: route.name === 'status' },
    { to: '/builds', label: t.navBuilds, current: route.name === 'builds' },
    { to: '/requests', label: t.navRequests, current: route.name === 'requests' },
    { to: '/verify', label: t.navVerify, current: route.name === 'verify' },
  ];

  return (
    <I18nContext.Provider value={i18n}>
      <SiteFrame
        tagline={t.appTagline}
        onSignOut={session ? () => void signOut() : undefined}
        nav={session ? navItems : undefined}
        pathname={pathname}
        footer={
          <footer className="site-footer">
            <p>{t.footerNote}</p>
            {config && (
              <p>
                {t.footerLog} <code>{config.log_origin}</code>
              </p>
            )}
          </footer>
        }
      >
        {view}
      </SiteFrame>
    </I18nContext.Provider>
  );
}

// Take a platform token out of the address bar before anything else happens.
const initialToken = takeTokenFromUrl();
if (initialToken && window.location.pathname !== '/') {
  window.history.replaceState(null, '', `/${window.location.search}`);
}
setApiLanguage(detectLang());

mountApp(<App initialToken={initialToken} />);
