// Checks a whole push body before anything is written: any problem answers 400 naming the field
// (e.g. changes[3].set.level) in French, too many changes 413. Only then do changes reach the
// write path, so a malformed body never writes anything and never causes a 500.
import { isEntityName, validateSet } from '../../domain/entities';
import { isRecordId } from '../../domain/ids';
import { isKnownVersion, upgradeFields, versionOf } from '../../domain/records/upgrades';
import { isHlc } from '../../sync/hlc';
import { MAX_PUSH_CHANGES, type Change, type Fields } from '../../sync/protocol';
import { badRequest, HttpError, isPlainObject } from '../http/errors';
import { findUnsafeText } from '../http/text';

export function validatePushBody(body: unknown): Change[] {
  if (!isPlainObject(body)) throw badRequest('body', 'objet JSON attendu : {"changes": […]}');
  const list = body['changes'];
  if (!Array.isArray(list)) throw badRequest('changes', '« changes » doit être une liste de modifications');
  if (list.length > MAX_PUSH_CHANGES) {
    throw new HttpError(413, { error: 'payload_too_large', field: 'changes', message: `au plus ${MAX_PUSH_CHANGES} modifications par envoi` });
  }
  return list.map((item, i) => validateChange(item, `changes[${i}]`));
}

function validateChange(item: unknown, at: string): Change {
  if (!isPlainObject(item)) throw badRequest(at, 'modification : objet attendu');
  const { opId, entity, id, hlc, set, deleted, v } = item;
  if (!isRecordId(opId)) throw badRequest(`${at}.opId`, 'opId invalide (UUID ou ULID attendu)');
  if (!isEntityName(entity)) throw badRequest(`${at}.entity`, `type d’enregistrement inconnu${typeof entity === 'string' ? ` « ${entity.slice(0, 40)} »` : ''}`);
  if (!isRecordId(id)) throw badRequest(`${at}.id`, 'identifiant invalide (UUID ou ULID attendu)');
  if (!isHlc(hlc)) throw badRequest(`${at}.hlc`, 'horloge (HLC) invalide');
  if (!isPlainObject(set)) throw badRequest(`${at}.set`, '« set » doit être un objet {champ: valeur}');
  if (deleted !== undefined && deleted !== true) throw badRequest(`${at}.deleted`, '« deleted » ne peut valoir que true');
  if (v !== undefined && !isKnownVersion(entity, v)) {
    throw badRequest(`${at}.v`, `version d’enregistrement inconnue (1 à ${versionOf(entity)} attendu) : mettez à jour le serveur ou l’application`);
  }
  const unsafe = findUnsafeText(set);
  if (unsafe !== null) throw badRequest(`${at}.set.${unsafe}`, 'valeur refusée : caractère nul ou mal encodé, ou structure trop imbriquée');
  // An older tablet's change (no `v`: before versions existed) is brought to today's shape, then
  // judged like any other: the rules and the merge only ever see today's fields.
  const current = upgradeFields(entity, typeof v === 'number' ? v : 1, set) as Fields;
  const check = validateSet(entity, current);
  if (!check.ok) throw badRequest(`${at}.set.${check.field}`, check.message);
  return { opId, entity, id, hlc, set: current, ...(deleted === true ? { deleted: true as const } : {}) };
}
