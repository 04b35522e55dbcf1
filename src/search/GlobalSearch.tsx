// 全局搜索 in the app bar (also Ctrl+K / ⌘K): a number, a phone's last four digits, a name or a
// word; the database answers with the records of each kind the caller may see (global_search),
// grouped by kind, and a result opens its record.
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  Box,
  CircularProgress,
  ClickAwayListener,
  InputBase,
  List,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  ListSubheader,
  Paper,
  Popper,
  Typography,
} from '@mui/material';
import { alpha } from '@mui/material/styles';
import SearchIcon from '@mui/icons-material/Search';
import { useCreatePath, useDataProvider, usePermissions, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import type { AppDataProvider } from '../providers/dataProvider';
import type { StaffPermissions } from '../providers/authProvider';
import { canAccess } from '../providers/access';
import { globalSearch, type SearchHit } from './api';
import { grouped, kindOf } from './kinds';

/** How long typing pauses before the database is asked. */
const PAUSE_MS = 250;

/** Ctrl+K or ⌘K anywhere focuses the box (and selects what is in it). */
function useShortcut(input: React.RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [input]);
}

export const GlobalSearch = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { permissions } = usePermissions<StaffPermissions>();
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const [anchor, setAnchor] = useState<HTMLDivElement | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [query, setQuery] = useState('');
  // the answer and the entry it answers: an older answer is never shown (nor opened by Enter)
  const [answer, setAnswer] = useState<{ q: string; rows: SearchHit[] } | null>(null);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const asked = useRef(0);
  useShortcut(input);

  useEffect(() => {
    const q = query.trim();
    const ticket = ++asked.current;
    if (!q) return;
    const timer = setTimeout(() => {
      setLoading(true);
      globalSearch(dataProvider, q)
        .then((rows) => {
          if (ticket !== asked.current) return;
          setAnswer({ q, rows });
          setFailed(false);
          setActive(0);
        })
        .catch(() => {
          if (ticket === asked.current) setFailed(true);
        })
        .finally(() => {
          if (ticket === asked.current) setLoading(false);
        });
    }, PAUSE_MS);
    return () => clearTimeout(timer);
  }, [query, dataProvider]);

  // only what the caller's role may open (the database already kept to what it may read)
  const hits = answer && answer.q === query.trim() ? answer.rows : null;
  const groups = useMemo(() => {
    const role = permissions?.role;
    const shown = (hits ?? []).filter((h) => {
      const kind = kindOf(h.kind);
      return !!kind && !!role && canAccess(role, kind.resource, 'show');
    });
    // each result with its place in the keyboard order
    let n = 0;
    return grouped(shown).map((g) => ({ kind: g.kind, hits: g.hits.map((hit) => ({ hit, i: n++ })) }));
  }, [hits, permissions]);
  const flat = useMemo(() => groups.flatMap((g) => g.hits.map((h) => h.hit)), [groups]);

  const openHit = useCallback(
    (hit: SearchHit) => {
      const kind = kindOf(hit.kind);
      if (!kind) return;
      setOpen(false);
      input.current?.blur();
      navigate(createPath({ resource: kind.resource, id: hit.id, type: 'show' }));
    },
    [navigate, createPath],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape') {
      setOpen(false);
      input.current?.blur();
    } else if (e.key === 'ArrowDown' && flat.length) {
      e.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % flat.length);
    } else if (e.key === 'ArrowUp' && flat.length) {
      e.preventDefault();
      setActive((i) => (i - 1 + flat.length) % flat.length);
    } else if (e.key === 'Enter' && flat[active]) {
      e.preventDefault();
      openHit(flat[active]);
    }
  };

  const optionId = (i: number) => `${listId}-${i}`;
  const showPanel = open && query.trim() !== '';
  return (
    <ClickAwayListener onClickAway={() => setOpen(false)}>
      <Box sx={{ position: 'relative', mx: 1, flex: '0 1 420px', minWidth: 160 }}>
        <Box
          ref={setAnchor}
          sx={(theme) => ({
            display: 'flex',
            alignItems: 'center',
            px: 1,
            borderRadius: 1,
            bgcolor: alpha(theme.palette.common.white, 0.15),
            '&:hover': { bgcolor: alpha(theme.palette.common.white, 0.25) },
          })}
        >
          <SearchIcon fontSize="small" sx={{ mr: 1, opacity: 0.8 }} />
          <InputBase
            inputRef={input}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setOpen(true);
            }}
            onFocus={() => setOpen(true)}
            onKeyDown={onKeyDown}
            placeholder={translate('search.placeholder')}
            sx={{ color: 'inherit', flex: 1, fontSize: 14, py: 0.5 }}
            inputProps={{
              role: 'combobox',
              'aria-label': translate('search.label'),
              'aria-expanded': showPanel,
              'aria-controls': listId,
              'aria-autocomplete': 'list',
              'aria-activedescendant': showPanel && flat[active] ? optionId(active) : undefined,
            }}
          />
          {loading && query.trim() ? <CircularProgress size={16} color="inherit" /> : null}
        </Box>
        <Popper open={showPanel} anchorEl={anchor} placement="bottom-start" sx={{ zIndex: (t) => t.zIndex.modal }}>
          <Paper elevation={8} sx={{ width: anchor?.offsetWidth ?? 420, minWidth: 360, maxHeight: '70vh', overflow: 'auto' }}>
            {failed ? (
              <Typography sx={{ p: 2 }} color="error" variant="body2">
                {translate('search.failed')}
              </Typography>
            ) : hits && !loading && flat.length === 0 ? (
              <Typography sx={{ p: 2 }} color="text.secondary" variant="body2">
                {translate('search.nothing')}
              </Typography>
            ) : null}
            {flat.length > 0 ? (
              <List dense id={listId} role="listbox" aria-label={translate('search.label')}>
                {groups.map((group) => (
                  <li key={group.kind.kind}>
                    <ul style={{ padding: 0 }}>
                      <ListSubheader sx={{ lineHeight: '32px' }}>{translate(`search.kinds.${group.kind.kind}`)}</ListSubheader>
                      {group.hits.map(({ hit, i }) => {
                        const Icon = group.kind.icon;
                        return (
                          <ListItemButton
                            key={`${hit.kind}:${hit.id}`}
                            id={optionId(i)}
                            role="option"
                            aria-selected={i === active}
                            selected={i === active}
                            onMouseEnter={() => setActive(i)}
                            onClick={() => openHit(hit)}
                          >
                            <ListItemIcon sx={{ minWidth: 36 }}>
                              <Icon fontSize="small" />
                            </ListItemIcon>
                            <ListItemText
                              primary={hit.title}
                              secondary={hit.subtitle}
                              slotProps={{ primary: { noWrap: true }, secondary: { noWrap: true } }}
                            />
                          </ListItemButton>
                        );
                      })}
                    </ul>
                  </li>
                ))}
              </List>
            ) : null}
          </Paper>
        </Popper>
      </Box>
    </ClickAwayListener>
  );
};
