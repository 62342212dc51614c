import type { CaseFormMessages } from '../case-form.messages.js'

export const messages: CaseFormMessages = {
  formTitle: 'Signaler un problème',
  description: 'Description',
  descriptionHint:
    'Ce qui s’est passé, ce que vous attendiez, et tout ce que nous devrions savoir.',
  aboutOrder: (id) => `Concernant la commande ${id}`,
  aboutInvoice: (id) => `Concernant la facture ${id}`,
  rmaRequest: 'Je souhaite retourner la marchandise (RMA)',
  dateHint: 'AAAA-MM-JJ',
  problemRequired: 'Veuillez remplir ce champ.',
  problemTooLong: 'Ce texte est trop long.',
  problemNotANumber: 'Saisissez un nombre entier.',
  problemNotADate: 'Saisissez une date au format AAAA-MM-JJ.',
  problemInTheFuture: 'La date ne peut pas être dans le futur.',
  errorSummary: (count) =>
    count <= 1 ? 'Veuillez corriger 1 champ' : `Veuillez corriger ${count} champs`,
  attachments: 'Photos et documents',
  dropZone: 'Déposez des fichiers ici ou choisissez-les',
  dropZoneHint: 'PNG, JPEG, WebP, GIF, PDF, texte ou CSV — 10 Mo maximum par fichier.',
  fileTooLarge: 'Plus de 10 Mo : il ne sera pas joint.',
  fileWrongType: 'Ce type de fichier ne peut pas être joint.',
  fileEmpty: 'Ce fichier est vide.',
  uploadRefused: 'Refusé : le fichier ne correspond pas à son nom, ou il est trop volumineux.',
  uploadFailed: 'L’envoi a échoué.',
  uploadProgress: (name) => `Envoi de ${name}`,
  uploaded: 'Joint',
  removeFile: (name) => `Retirer ${name}`,
  submit: 'Envoyer la demande',
  submitting: 'Envoi …',
  uploadingFiles: 'Ajout des fichiers …',
  createFailed: 'La demande n’a pas pu être créée. Veuillez réessayer.',
  createForbidden: 'Vous n’avez pas l’autorisation de créer des demandes.',
  created: (number) => `La demande ${number} a été créée.`,
  someFilesNotAttached: (count) =>
    count <= 1 ? '1 fichier n’a pas pu être joint.' : `${count} fichiers n’ont pas pu être joints.`,
  createAnother: 'Signaler un autre problème',
}
