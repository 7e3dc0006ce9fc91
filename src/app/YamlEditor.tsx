import type { PageFile } from '../core/pageFile.ts';

interface YamlEditorProps {
  file: PageFile;
  onChange?: (text: string) => void;
  readOnly?: boolean;
}

/** The whole front matter as YAML text, with the parser's complaint (line and column) when it does not parse. */
export function YamlEditor({ file, onChange, readOnly }: YamlEditorProps) {
  const error = file.frontMatterError;
  return (
    <div className="field">
      <label htmlFor="fm-yaml" className="field__label">
        Page settings as YAML
      </label>
      <p id="fm-yaml-help" className="field__help">
        Every setting of the page as text. Only change what you understand: lines you do not touch are saved exactly as they are.
      </p>
      <textarea
        id="fm-yaml"
        className="field__input code-textarea"
        spellCheck={false}
        rows={Math.min(24, Math.max(6, file.frontMatterText.split('\n').length + 1))}
        value={file.frontMatterText}
        readOnly={readOnly}
        aria-invalid={error !== null}
        aria-describedby={`fm-yaml-help${error ? ' fm-yaml-error' : ''}`}
        onChange={(event) => onChange?.(event.target.value)}
      />
      {error && (
        <p id="fm-yaml-error" className="field__error" role="alert">
          Line {error.line}, column {error.column}: {error.message}
        </p>
      )}
      {file.frontMatterWarnings.map((w, i) => (
        <p key={i} className="field__warning">
          Line {w.line}, column {w.column}: {w.message}
        </p>
      ))}
    </div>
  );
}
