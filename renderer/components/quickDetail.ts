// What a quick-open row shows beside its name: a file's folder; a symbol's container, its FQN without the name the
// row already shows (`…handlers.wsgi` for WSGIHandler), so a narrow row spends its room on where the symbol lives.
import type { QuickOpenItem } from '../../shared/types.js';

const TRAILING_SEPARATORS = /[.:#/\\]+$/u;

export function quickDetail(item: Pick<QuickOpenItem, 'kind' | 'label' | 'detail'>): string {
  if (item.kind === 'file' || item.detail.length <= item.label.length || !item.detail.endsWith(item.label)) return item.detail;
  return item.detail.slice(0, -item.label.length).replace(TRAILING_SEPARATORS, '') || item.detail;
}
