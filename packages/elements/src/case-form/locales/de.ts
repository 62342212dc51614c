import type { CaseFormMessages } from '../case-form.messages.js'

export const messages: CaseFormMessages = {
  formTitle: 'Problem melden',
  description: 'Beschreibung',
  descriptionHint: 'Was ist passiert, was haben Sie erwartet, und was sollten wir wissen?',
  aboutOrder: (id) => `Zur Bestellung ${id}`,
  aboutInvoice: (id) => `Zur Rechnung ${id}`,
  rmaRequest: 'Ich möchte die Ware zurücksenden (RMA)',
  dateHint: 'JJJJ-MM-TT',
  problemRequired: 'Bitte füllen Sie dieses Feld aus.',
  problemTooLong: 'Dieser Text ist zu lang.',
  problemNotANumber: 'Geben Sie eine ganze Zahl ein.',
  problemNotADate: 'Geben Sie ein Datum als JJJJ-MM-TT ein.',
  problemInTheFuture: 'Das Datum darf nicht in der Zukunft liegen.',
  errorSummary: (count) =>
    count === 1 ? 'Bitte korrigieren Sie 1 Feld' : `Bitte korrigieren Sie ${count} Felder`,
  attachments: 'Fotos und Dokumente',
  dropZone: 'Dateien hierher ziehen oder auswählen',
  dropZoneHint: 'PNG, JPEG, WebP, GIF, PDF, Text oder CSV – bis 10 MB je Datei.',
  fileTooLarge: 'Größer als 10 MB: wird nicht angehängt.',
  fileWrongType: 'Dieser Dateityp kann nicht angehängt werden.',
  fileEmpty: 'Diese Datei ist leer.',
  uploadRefused: 'Abgelehnt: Die Datei ist nicht, was ihr Name sagt, oder sie ist zu groß.',
  uploadFailed: 'Der Upload ist fehlgeschlagen.',
  uploadProgress: (name) => `${name} wird hochgeladen`,
  uploaded: 'Angehängt',
  removeFile: (name) => `${name} entfernen`,
  submit: 'Fall einreichen',
  submitting: 'Wird eingereicht …',
  uploadingFiles: 'Dateien werden angehängt …',
  createFailed: 'Der Fall konnte nicht angelegt werden. Bitte versuchen Sie es erneut.',
  createForbidden: 'Sie haben keine Berechtigung, Fälle anzulegen.',
  created: (number) => `Fall ${number} wurde angelegt.`,
  someFilesNotAttached: (count) =>
    count === 1
      ? '1 Datei konnte nicht angehängt werden.'
      : `${count} Dateien konnten nicht angehängt werden.`,
  createAnother: 'Weiteres Problem melden',
}
