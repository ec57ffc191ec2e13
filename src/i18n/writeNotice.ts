import type { TFunction } from 'i18next';
import { noticeText, type NoticePiece } from '../app/notice';

/**
 * A notice from an app module written in the language of `t`.
 * writeNotice(translator('nl'), notice('scenariosNotSaved', { error: 'x' })) -> "de scenario's konden niet bewaard worden: x"
 */
export function writeNotice(t: TFunction, piece: NoticePiece): string {
  return noticeText(
    piece,
    (key, values) => String(t(`notices.${key}`, values)),
    (key, values) => String(t(`problems.messages.${key}`, values)),
  );
}
