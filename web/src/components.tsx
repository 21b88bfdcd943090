// The portal's own small pieces (field errors); the rest is shared with the console.
import { useI18n } from './i18n';

export {
  ErrorAlert,
  errorText,
  fieldErrorTexts,
  Link,
  LiveStatus,
  Loading,
  mountApp,
  PageHeading,
  SiteFrame,
} from '../../ui-shared/components';

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  const { t } = useI18n();
  if (!message) return null;
  return (
    <p id={id} className="field-error" role="alert">
      <strong>{t.errorPrefix}</strong> {message}
    </p>
  );
}

/** Space-separated ids for aria-describedby, skipping absent ones. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}
