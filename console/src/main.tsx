import { type ReactNode, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import {
  api,
  getSignedIn,
  onUnauthorized,
  setApiLanguage,
  setSignedIn,
  subscribeSignedIn,
} from './api';
import { MeContext, mountApp, NotAllowed, SiteFrame } from './components';
import { detectLang, I18nContext, makeI18n, useLang } from './i18n';
import { HOME, mayOpen, navigate, type PageName, parseRoute, usePathname } from './router';
import '../../ui-shared/base.css';
import './styles.css';
import { StaffView } from './views/Admin';
import { AuditView } from './views/Audit';
import { CountsView } from './views/Counts';
import { FlagDetailView, FlagsView } from './views/Flags';
import { HoldsView } from './views/Holds';
import { NotFoundView } from './views/NotFound';
import { QueueView } from './views/Queue';
import { RequestsView } from './views/Requests';
import { RetentionView } from './views/Retention';
import { type SignInNotice, SignInView } from './views/SignIn';
import { TaskView } from './views/Task';
import { UnmaskView } from './views/Unmask';

const NAV: readonly PageName[] = [
  'queue',
  'counts',
  'flags',
  'unmask',
  'audit',
  'requests',
  'holds',
  'staff',
  'retention',
];

function App() {
  const [lang, setLang] = useLang(setApiLanguage);
  const [notice, setNotice] = useState<SignInNotice | null>(null);
  const pathname = usePathname();
  const route = parseRoute(pathname);
  const signedIn = useSyncExternalStore(subscribeSignedIn, getSignedIn);
  const me = signedIn?.me ?? null;

  const i18n = useMemo(() => makeI18n(lang, setLang), [lang, setLang]);
  const { t } = i18n;

  useEffect(() => {
    onUnauthorized(() => {
      setNotice('expired');
      navigate('/', { replace: true });
    });
  }, []);

  // Signed out: every page but the sign-in page leads to it.
  useEffect(() => {
    if (!me && route.name !== 'signIn') navigate('/', { replace: true });
    if (me && route.name === 'signIn') navigate(HOME[me.role], { replace: true });
  }, [me, route.name]);

  const signOut = async () => {
    await api.signOut();
    setSignedIn(null);
    setNotice('signedOut');
    navigate('/');
  };

  let view: ReactNode = null;
  if (!me) {
    if (route.name === 'signIn') view = <SignInView notice={notice} />;
  } else if (route.name === 'notFound') {
    view = <NotFoundView />;
  } else if (route.name !== 'signIn') {
    if (!mayOpen(me.role, route.name)) view = <NotAllowed />;
    else {
      switch (route.name) {
        case 'queue':
          view = <QueueView />;
          break;
        case 'task':
          view = <TaskView id={route.id} />;
          break;
        case 'counts':
          view = <CountsView />;
          break;
        case 'flags':
          view = <FlagsView />;
          break;
        case 'flag':
          view = <FlagDetailView id={route.id} />;
          break;
        case 'unmask':
          view = <UnmaskView />;
          break;
        case 'audit':
          view = <AuditView />;
          break;
        case 'holds':
          view = <HoldsView />;
          break;
        case 'requests':
          view = <RequestsView />;
          break;
        case 'staff':
          view = <StaffView />;
          break;
        case 'retention':
          view = <RetentionView />;
          break;
      }
    }
  }

  const activePage = route.name === 'task' ? 'queue' : route.name === 'flag' ? 'flags' : route.name;

  return (
    <I18nContext.Provider value={i18n}>
      <MeContext.Provider value={me}>
        <SiteFrame
          tagline={me ? t.signedInAs(me.username, t.roleName[me.role]) : undefined}
          taglineTestId="signed-in-as"
          onSignOut={me ? () => void signOut() : undefined}
          nav={
            me
              ? NAV.filter((page) => mayOpen(me.role, page)).map((page) => ({
                  to: `/${page}`,
                  label: t.nav[page as keyof typeof t.nav],
                  current: activePage === page,
                }))
              : undefined
          }
          pathname={pathname}
        >
          {view}
        </SiteFrame>
      </MeContext.Provider>
    </I18nContext.Provider>
  );
}

setApiLanguage(detectLang());
mountApp(<App />);
