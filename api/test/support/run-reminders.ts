/**
 * One renewal-reminder run in a process of its own, for the race test:
 * `DATABASE_URL=file:… NOW=<iso> node --import tsx test/support/run-reminders.ts`
 * prints how many reminders this process sent.
 */
import { openDatabase } from '../../src/db/connect.js'
import { sendRenewalReminders } from '../../src/jobs/renewal-reminders.js'

const database = openDatabase(process.env.DATABASE_URL!)
const now = new Date(process.env.NOW!)
const sent = await sendRenewalReminders({ db: database.db, clock: { now: () => now } })
await database.close()
process.stdout.write(`${sent}\n`)
