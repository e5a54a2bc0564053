import { useId } from 'react';
import type { ClipForm } from './use-clip-form';

/** The page's HTML: pasted into the box, or read from a saved `.html` file; and its address. */
export function HtmlSource({ form }: { form: ClipForm }) {
  const hintId = useId();
  const addressHintId = useId();
  return (
    <div className="clip-source">
      <label className="field">
        <span className="field__label">Page HTML</span>
        <textarea
          className="field__input clip-source__html"
          value={form.fileLabel ? '' : form.html}
          placeholder={form.fileLabel ? `Read from ${form.fileLabel}` : 'Paste the page’s HTML here'}
          aria-describedby={hintId}
          spellCheck={false}
          rows={5}
          onChange={(event) => form.setHtml(event.target.value)}
        />
      </label>
      <div className="clip-source__file">
        <label className="button">
          Choose a saved page…
          <input
            type="file"
            className="visually-hidden"
            accept=".html,.htm,.xhtml,text/html"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void form.takeFile(file);
            }}
          />
        </label>
        <p id={hintId} className="field__hint">
          {form.fileLabel ? `Using ${form.fileLabel}.` : 'or drop a saved .html file here.'}
        </p>
      </div>
      <label className="field" data-plain-paste>
        <span className="field__label">Page address (optional)</span>
        <input
          type="text"
          inputMode="url"
          className="field__input"
          placeholder="https://"
          value={form.pageAddress}
          aria-describedby={addressHintId}
          onChange={(event) => form.setPageAddress(event.target.value)}
        />
        <span id={addressHintId} className="field__hint">
          Where the page came from, so its links and images can be found.
        </span>
      </label>
    </div>
  );
}
