import { css } from 'lit'

/**
 * Styles of `<portico-quick-order>` on top of `baseStyles`. Private token
 * properties only (`--_color-text`, …): no literal colour, font or radius.
 */
export const quickOrderStyles = css`
  .base {
    container: quick-order / inline-size;
  }

  .price-list {
    margin: 0 0 0 auto;
  }

  .base > .banner {
    margin: var(--_space-3) var(--_space-4);
  }

  .base > .banner + .banner {
    margin-top: 0;
  }

  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(16rem, 22rem);
  }

  .layout--browse {
    grid-template-columns: minmax(0, 1fr);
  }

  .catalog {
    min-width: 0;
  }

  /* Search */

  .search {
    display: grid;
    gap: var(--_space-1);
    padding: var(--_space-3) var(--_space-4);
    font-size: var(--_font-size-sm);
  }

  .search-field {
    position: relative;
    max-width: 28rem;
  }

  .search-field svg {
    position: absolute;
    inset-inline-start: var(--_space-2);
    top: 50%;
    width: 1.125rem;
    height: 1.125rem;
    transform: translateY(-50%);
    color: var(--_color-muted);
    pointer-events: none;
  }

  .search-field .input {
    width: 100%;
    padding-inline-start: calc(var(--_space-2) * 2 + 1.125rem);
  }

  /* Products */

  table {
    width: 100%;
    border-collapse: collapse;
    font-size: var(--_font-size-sm);
    font-variant-numeric: tabular-nums;
  }

  th,
  td {
    padding: var(--_space-2) var(--_space-4);
    text-align: start;
    vertical-align: top;
    border-bottom: 1px solid var(--_color-border);
  }

  thead th {
    font-weight: 600;
    color: var(--_color-muted);
    background: color-mix(in srgb, var(--_color-border) 20%, var(--_color-surface));
    white-space: nowrap;
  }

  thead th.num {
    text-align: end;
  }

  tbody th {
    font-weight: inherit;
  }

  .product-name {
    display: block;
    font-weight: 600;
  }

  .sku {
    display: block;
    color: var(--_color-muted);
    font-size: var(--_font-size-sm);
  }

  .price {
    min-width: 8rem;
  }

  .unit-price {
    font-weight: 600;
  }

  .breaks {
    margin: var(--_space-1) 0 0;
    padding: 0;
    list-style: none;
    color: var(--_color-muted);
  }

  .break--applies {
    color: var(--_color-primary);
    font-weight: 600;
  }

  .col-quantity {
    width: 1%;
  }

  .quantity {
    display: grid;
    gap: var(--_space-1);
    justify-items: start;
    min-width: 11rem;
  }

  .stepper-field {
    display: inline-flex;
  }

  .stepper {
    display: inline-grid;
    place-items: center;
    width: 2.25rem;
    padding: 0;
    border: 1px solid color-mix(in srgb, var(--_color-border) 50%, var(--_color-muted));
    background: color-mix(in srgb, var(--_color-border) 20%, var(--_color-surface));
    color: var(--_color-text);
    cursor: pointer;
  }

  .stepper:first-child {
    border-radius: var(--_radius) 0 0 var(--_radius);
    border-inline-end: 0;
  }

  .stepper:last-child {
    border-radius: 0 var(--_radius) var(--_radius) 0;
    border-inline-start: 0;
  }

  .stepper:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_color-primary) 10%, var(--_color-surface));
  }

  .stepper:disabled {
    color: var(--_color-muted);
    cursor: default;
  }

  .stepper svg {
    width: 1rem;
    height: 1rem;
  }

  .quantity-input {
    width: 5.5rem;
    border-radius: 0;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  .quantity .hint,
  .quantity .field-error {
    max-width: 14rem;
  }

  .line-amount {
    margin: 0;
    font-weight: 600;
  }

  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-3);
    padding: var(--_space-3) var(--_space-4);
    font-size: var(--_font-size-sm);
    color: var(--_color-muted);
  }

  /* Order summary */

  .cart {
    display: grid;
    align-content: start;
    gap: var(--_space-3);
    padding: var(--_space-3) var(--_space-4) var(--_space-4);
    border-inline-start: 1px solid var(--_color-border);
    background: color-mix(in srgb, var(--_color-border) 12%, var(--_color-surface));
  }

  .cart-heading {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: var(--_space-2);
    margin: 0;
    font-size: var(--_font-size-md);
  }

  .cart-heading .muted {
    font-size: var(--_font-size-sm);
    font-weight: 400;
  }

  .cart-lines {
    display: grid;
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: var(--_font-size-sm);
  }

  .cart-line {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto auto;
    align-items: start;
    gap: var(--_space-2);
    padding: var(--_space-2) 0;
    border-bottom: 1px solid var(--_color-border);
  }

  .cart-line-name {
    overflow-wrap: anywhere;
  }

  .cart-line-name .hint {
    display: block;
  }

  .cart-line--invalid .num {
    color: var(--_color-danger);
  }

  .remove {
    display: inline-grid;
    place-items: center;
    width: 1.75rem;
    height: 1.75rem;
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    background: none;
    color: var(--_color-muted);
    cursor: pointer;
  }

  .remove:hover {
    color: var(--_color-danger);
    background: color-mix(in srgb, var(--_color-danger) 8%, var(--_color-surface));
  }

  .remove:focus-visible,
  .stepper:focus-visible {
    outline: 2px solid var(--_color-primary);
    outline-offset: 1px;
  }

  .remove svg {
    width: 1rem;
    height: 1rem;
  }

  .cart-empty {
    padding: var(--_space-3) 0;
  }

  .totals {
    display: grid;
    gap: var(--_space-1);
    margin: 0;
  }

  .totals-row {
    display: flex;
    justify-content: space-between;
    gap: var(--_space-3);
  }

  .totals-row dd {
    margin: 0;
  }

  .totals-row--strong {
    font-weight: 700;
  }

  .totals + .hint {
    margin-top: calc(var(--_space-2) * -1);
  }

  /* Credit */

  .credit {
    display: grid;
    gap: var(--_space-1);
    padding: var(--_space-3);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    font-size: var(--_font-size-sm);
  }

  .credit-figures {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: var(--_space-3);
  }

  .credit-available {
    font-size: var(--_font-size-md);
    font-weight: 700;
  }

  .meter {
    display: flex;
    height: 0.5rem;
    overflow: hidden;
    border-radius: 999px;
    background: color-mix(in srgb, var(--_color-success) 18%, var(--_color-surface));
  }

  .meter-used {
    background: color-mix(in srgb, var(--_color-muted) 55%, var(--_color-surface));
  }

  .meter-order {
    background: var(--_color-primary);
  }

  .meter--over .meter-order {
    background: var(--_color-danger);
  }

  .review-button {
    width: 100%;
    padding-block: var(--_space-3);
    font-size: var(--_font-size-md);
  }

  /* Review */

  .review {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-3);
    padding: var(--_space-4);
  }

  .review-heading,
  .success h3 {
    margin: 0;
    font-size: calc(var(--_font-size-md) * 1.125);
  }

  .review-heading:focus,
  .success h3:focus {
    outline: none;
  }

  .review-heading:focus-visible,
  .success h3:focus-visible {
    outline: 2px solid var(--_color-primary);
    outline-offset: 2px;
  }

  .review-lines th,
  .review-lines td {
    padding-inline: var(--_space-2);
  }

  .review-lines tfoot th,
  .review-lines tfoot td {
    border-bottom: 0;
    font-weight: 400;
    text-align: end;
  }

  .review-lines tfoot .total > * {
    font-weight: 700;
  }

  .review-lines tfoot tr > * {
    padding-block: var(--_space-1);
  }

  .review-line--invalid th,
  .review-line--invalid td {
    background: color-mix(in srgb, var(--_color-danger) 6%, var(--_color-surface));
  }

  .tax-note {
    text-align: end;
    margin-top: calc(var(--_space-2) * -1);
  }

  .details,
  .address-fields {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr));
    align-items: start;
    gap: var(--_space-3);
  }

  .details {
    max-width: 44rem;
  }

  .address {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-1);
    min-width: 0;
    margin: 0;
    padding: var(--_space-3);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    font-size: var(--_font-size-sm);
  }

  .address legend {
    padding-inline: var(--_space-1);
  }

  .choice {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    width: fit-content;
  }

  .choice input {
    width: 1rem;
    height: 1rem;
    margin: 0;
    accent-color: var(--_color-primary);
  }

  .choice-hint {
    padding-inline-start: calc(1rem + var(--_space-2));
  }

  .address-fields {
    margin-top: var(--_space-2);
  }

  /* A select is as wide as its longest country name unless allowed to shrink. */
  .details .input {
    min-width: 0;
  }

  .place-reason {
    text-align: end;
  }

  .field--wide {
    grid-column: 1 / -1;
  }

  textarea.input {
    resize: vertical;
    min-height: 3.5rem;
  }

  .input:disabled {
    color: var(--_color-muted);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_space-2);
  }

  .actions .button--primary {
    min-width: 10rem;
  }

  /* Placed */

  .success {
    display: grid;
    justify-items: center;
    gap: var(--_space-3);
    padding: calc(var(--_space-4) * 2) var(--_space-4);
    text-align: center;
  }

  .success p {
    margin: 0;
    max-width: 32rem;
    color: var(--_color-muted);
  }

  .success-icon {
    width: 3rem;
    height: 3rem;
    padding: var(--_space-2);
    border-radius: 50%;
    color: var(--_color-success);
    background: color-mix(in srgb, var(--_color-success) 14%, var(--_color-surface));
  }

  .success-facts {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: var(--_space-2) calc(var(--_space-4) * 2);
    margin: 0;
  }

  .success-facts dt {
    color: var(--_color-muted);
    font-size: var(--_font-size-sm);
  }

  .success-facts dd {
    margin: 0;
    font-weight: 700;
  }

  .success .actions {
    justify-content: center;
  }

  /* Loading skeleton */

  .skeleton-row {
    display: grid;
    grid-template-columns: 2fr 1fr 1fr;
    gap: var(--_space-4);
    padding: var(--_space-3) var(--_space-4);
    border-bottom: 1px solid var(--_color-border);
  }

  .skeleton-row:first-of-type {
    background: color-mix(in srgb, var(--_color-border) 20%, var(--_color-surface));
  }

  /*
   * Narrow containers: the summary goes under the products, and each product
   * row becomes a card — name and price, then the quantity field.
   */
  @container quick-order (max-width: 46rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }

    .cart {
      border-inline-start: 0;
      border-top: 1px solid var(--_color-border);
    }
  }

  @container quick-order (max-width: 32rem) {
    .products thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }

    .products,
    .products tbody {
      display: block;
    }

    .products tr {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      gap: var(--_space-2) var(--_space-3);
      padding: var(--_space-3) var(--_space-4);
      border-bottom: 1px solid var(--_color-border);
    }

    .products th,
    .products td {
      padding: 0;
      border: 0;
    }

    .products .col-quantity {
      grid-column: 1 / -1;
      width: auto;
    }

    .price {
      min-width: 0;
    }

    /* The review's lines as the summary shows them: name, then "2 × €640.00" and the amount. */
    .review-lines thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }

    .review-lines,
    .review-lines tbody,
    .review-lines tfoot {
      display: block;
    }

    .review-lines tr {
      display: grid;
      grid-template-columns: auto minmax(0, 1fr) auto;
      gap: var(--_space-1) var(--_space-2);
      padding-block: var(--_space-2);
      border-bottom: 1px solid var(--_color-border);
    }

    .review-lines th,
    .review-lines td {
      padding: 0;
      border: 0;
    }

    .review-lines tbody th {
      grid-column: 1 / -1;
    }

    .review-lines tbody td:nth-child(3) {
      color: var(--_color-muted);
      text-align: start;
    }

    .review-lines tbody td:nth-child(3)::before {
      content: '× ';
    }

    .review-lines tfoot tr {
      grid-template-columns: minmax(0, 1fr) auto;
      padding-block: var(--_space-1);
      border: 0;
    }
  }
`
