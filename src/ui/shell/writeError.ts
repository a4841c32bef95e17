// The French message for a local write that failed: invalid input or a full device. What was
// already saved stays saved; the form keeps what the user typed.
export function writeErrorMessage(e: unknown): string {
  const name = typeof e === 'object' && e !== null && 'name' in e ? String((e as { name: unknown }).name) : '';
  const message = typeof e === 'object' && e !== null && 'message' in e ? String((e as { message: unknown }).message) : '';
  if (name === 'QuotaExceededError' || /quota/i.test(message)) {
    return 'La tablette n’a plus de place : cette saisie n’est pas enregistrée. Ce qui était déjà enregistré est conservé. Synchronisez puis libérez de l’espace.';
  }
  if (name === 'ValidationError' && message !== '') return `Saisie invalide : ${message}`;
  return 'Impossible d’enregistrer sur la tablette. Réessayez ; si cela continue, prévenez la coordination.';
}
