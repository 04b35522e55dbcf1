// How each message of a complaint thread looks: who wrote it, to whom, and whether it is an
// internal note (visible to staff only) — kept apart from the component so it can be tested.

export interface ThreadMessage {
  id: number | string;
  kind: 'reply' | 'internal_note';
  author_kind: 'staff' | 'member' | 'merchant';
  author_name?: string | null;
  audience?: 'member' | 'merchant' | null;
  body: string;
  created_at: string;
}

export type BubbleKind = 'member' | 'merchant' | 'staff_to_member' | 'staff_to_merchant' | 'internal_note';

export function bubbleKind(m: Pick<ThreadMessage, 'kind' | 'author_kind' | 'audience'>): BubbleKind {
  if (m.kind === 'internal_note') return 'internal_note';
  if (m.author_kind === 'member') return 'member';
  if (m.author_kind === 'merchant') return 'merchant';
  return m.audience === 'merchant' ? 'staff_to_merchant' : 'staff_to_member';
}

/** Staff messages on the right, the member's and merchant's on the left, notes across. */
export function bubbleAlign(kind: BubbleKind): 'left' | 'right' | 'full' {
  if (kind === 'internal_note') return 'full';
  return kind === 'member' || kind === 'merchant' ? 'left' : 'right';
}
