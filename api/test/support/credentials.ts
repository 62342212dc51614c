/** Fresh sessions per request (see openSession): an operation that signs out cannot starve the next. */
export { openSession as sessionFor } from '../../src/testing.js'
