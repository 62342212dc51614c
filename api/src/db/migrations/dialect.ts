/** Migrations branch on this for the few types the dialects spell differently. */
export { isPostgres } from '../dialect.js'
