import { Link, PageHeading } from '../components';
import { useI18n } from '../i18n';

export function NotFoundView() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading>{t.notFoundTitle}</PageHeading>
      <p>{t.notFoundText}</p>
      <p>
        <Link to="/">{t.goHome}</Link>
      </p>
    </>
  );
}
