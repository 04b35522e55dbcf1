// How the Supabase CLI cuts a migration or seed file into statements (its pkg/parser: a state
// machine over the text, splitting on `;` outside quotes, comments, dollar quotes, parentheses
// and BEGIN ATOMIC … END), re-stated here so the hosted-compat check sends Postgres exactly the
// statements `supabase db push` would. Quirks kept on purpose: a backslash outside a string
// hides the next character, comments stay attached to the statement that follows them, and
// each piece is trimmed of its trailing `;` and surrounding white space (empty pieces dropped).

type State =
  | { kind: 'ready' }
  | { kind: 'comment' } // saw one '-'
  | { kind: 'block'; depth: number } // saw '/', maybe a block comment
  | { kind: 'quote'; delimiter: string; escape: boolean }
  | { kind: 'dollar'; delimiter: string } // inside $tag$ … $tag$ or a -- comment (delimiter '\n')
  | { kind: 'tag'; offset: number } // saw '$', maybe a dollar-quote tag
  | { kind: 'escape' }
  | { kind: 'atomic'; prev: State; delimiter: string };

const isLetterOrDigit = (c: string) => /[\p{L}\p{Nd}]/u.test(c);
const isIdentifier = (c: string) => isLetterOrDigit(c) || c === '_' || c === '$';
const isSpace = (c: string) => /\s/u.test(c);

/** Whether `text` (up to and including its last character) ends in BEGIN <space> ATOMIC. */
function endsWithBeginAtomic(text: string): boolean {
  const offset = text.length - 'ATOMIC'.length;
  if (offset < 0 || text.slice(offset).toUpperCase() !== 'ATOMIC') return false;
  if (offset > 0 && isIdentifier(text[offset - 1])) return false;
  let end = offset;
  while (end > 0 && isSpace(text[end - 1])) end--;
  const start = end - 'BEGIN'.length;
  if (start < 0 || text.slice(start, end).toUpperCase() !== 'BEGIN') return false;
  return start === 0 || !isIdentifier(text[start - 1]);
}

/** The next state after character `c`; `text` is the statement so far, `c` included. null = emit. */
function next(state: State, c: string, text: string): State | null {
  switch (state.kind) {
    case 'ready':
      switch (c) {
        case '$': return { kind: 'tag', offset: text.length - 1 };
        case "'": case '"': return { kind: 'quote', delimiter: c, escape: false };
        case '-': return { kind: 'comment' };
        case '/': return { kind: 'block', depth: 0 };
        case '\\': return { kind: 'escape' };
        case ';': return null;
        case '(': return { kind: 'atomic', prev: state, delimiter: ')' };
        case 'c': case 'C':
          if (endsWithBeginAtomic(text)) return { kind: 'atomic', prev: state, delimiter: 'END' };
      }
      return state;
    case 'comment':
      return c === '-' ? { kind: 'dollar', delimiter: '\n' } : next({ kind: 'ready' }, c, text);
    case 'block': {
      const window = text.slice(-2);
      if (window === '/*') return { kind: 'block', depth: state.depth + 1 };
      if (state.depth === 0) return next({ kind: 'ready' }, c, text);
      if (window === '*/') {
        const depth = state.depth - 1;
        return depth === 0 ? { kind: 'ready' } : { kind: 'block', depth };
      }
      return state;
    }
    case 'quote':
      if (state.escape) {
        if (c === state.delimiter) return { ...state, escape: false }; // a doubled quote
        return next({ kind: 'ready' }, c, text);
      }
      return c === state.delimiter ? { ...state, escape: true } : state;
    case 'dollar':
      return text.endsWith(state.delimiter) ? { kind: 'ready' } : state;
    case 'tag':
      if (c === '$') return { kind: 'dollar', delimiter: text.slice(state.offset) };
      if (isLetterOrDigit(c) || c === '_') return state;
      return next({ kind: 'ready' }, c, text);
    case 'escape':
      return { kind: 'ready' };
    case 'atomic': {
      const prev = next(state.prev, c, text) ?? state.prev; // a ';' inside does not end the statement
      if (prev.kind === 'ready' && text.slice(-state.delimiter.length).toUpperCase() === state.delimiter.toUpperCase()) {
        return { kind: 'ready' };
      }
      return { ...state, prev };
    }
  }
}

/** The statements of one SQL file, as the Supabase CLI sends them. */
export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let state: State = { kind: 'ready' };
  let current = '';
  const emit = () => {
    const trimmed = current.replace(/;+$/, '').trim();
    if (trimmed) out.push(trimmed);
    current = '';
  };
  for (const c of sql) {
    current += c;
    const after = next(state, c, current);
    if (after === null) {
      emit();
      state = { kind: 'ready' };
    } else {
      state = after;
    }
  }
  emit();
  return out;
}
