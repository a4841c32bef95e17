// How to add the address to a phone's calendar, for iPhone and for Android, in short numbered
// steps with the words the phone shows. Android's Google Agenda app cannot add an address itself:
// it is done once on calendar.google.com in its computer version (a computer, or the phone's
// browser asked for the « version pour ordinateur »), then the app shows it.
import { Smartphone } from 'lucide';
import { Icon } from '../icons/Icon';

const IPHONE = [
  'Ouvrez « Réglages ».',
  'Touchez « Calendrier », puis « Comptes ».',
  'Touchez « Ajouter un compte », puis « Autre ».',
  'Touchez « Ajouter un calendrier avec abonnement ».',
  'Collez l’adresse. Touchez « Suivant ».',
  'Touchez « Enregistrer ».',
];

const ANDROID = [
  'Ouvrez le site calendar.google.com sur un ordinateur. Sur le téléphone, choisissez « Version pour ordinateur » dans le navigateur.',
  'À côté de « Autres agendas », touchez « + ».',
  'Touchez « À partir de l’URL ».',
  'Collez l’adresse. Touchez « Ajouter l’agenda ».',
  'Ouvrez l’application « Agenda » : le planning arrive tout seul.',
];

export function SubscribeSteps() {
  return (
    <section class="calendar-steps" aria-labelledby="calendar-steps-title">
      <h3 id="calendar-steps-title">Ajouter le planning au téléphone</h3>
      <p>D’abord, mettez l’adresse sur le téléphone. Scannez le code avec l’appareil photo. Ou copiez l’adresse.</p>
      <h4><Icon icon={Smartphone} /> Sur un iPhone</h4>
      <ol>{IPHONE.map((s) => <li key={s}>{s}</li>)}</ol>
      <h4><Icon icon={Smartphone} /> Sur un téléphone Android</h4>
      <ol>{ANDROID.map((s) => <li key={s}>{s}</li>)}</ol>
      <p class="hint">Le téléphone met le planning à jour tout seul, plusieurs fois par jour.</p>
    </section>
  );
}
