import type { TenantContext } from '../../db/tenant.js'
import { ApiError } from '../../http/problem.js'
import type { CreateCaseInput } from './schemas.js'

const missing = (field: string, what: string) =>
  new ApiError(404, 'not_found', `No such ${what}.`, {
    errors: [{ field: `body.${field}`, message: `No such ${what}`, code: 'not_found' }],
  })

/**
 * The order, invoice, product and document a case is about, each checked
 * to be the caller's: another account's answers exactly like one that does
 * not exist (404). A product is the account's when the catalog shows it to
 * them (unrestricted, or released to the account).
 */
export async function checkRelated(
  ctx: TenantContext,
  input: Pick<CreateCaseInput, 'orderId' | 'invoiceId' | 'productId' | 'documentId'>,
) {
  const owned = async (table: 'orders' | 'invoices' | 'documents', id: string | undefined) => {
    if (id === undefined) return null
    const row = await ctx.db
      .selectFrom(table)
      .select('id')
      .where('id', '=', id)
      .where('account_id', '=', ctx.accountId)
      .executeTakeFirst()
    return row ? row.id : undefined
  }
  const orderId = await owned('orders', input.orderId)
  if (orderId === undefined) throw missing('orderId', 'order')
  const invoiceId = await owned('invoices', input.invoiceId)
  if (invoiceId === undefined) throw missing('invoiceId', 'invoice')
  const documentId = await owned('documents', input.documentId)
  if (documentId === undefined) throw missing('documentId', 'document')
  let productId: string | null = null
  if (input.productId !== undefined) {
    const product = await ctx.db
      .selectFrom('products')
      .select('id')
      .where('id', '=', input.productId)
      .where((eb) =>
        eb.or([
          eb('restricted', '=', 0),
          eb.exists(
            eb
              .selectFrom('product_accounts')
              .select('product_id')
              .whereRef('product_accounts.product_id', '=', 'products.id')
              .where('product_accounts.account_id', '=', ctx.accountId),
          ),
        ]),
      )
      .executeTakeFirst()
    if (!product) throw missing('productId', 'product')
    productId = product.id
  }
  return { orderId, invoiceId, productId, documentId }
}
