import '@portico/elements'
import {
  contractListCatalogue,
  type ContractListMessages,
  type PorticoContractList,
} from '@portico/elements'
import type { Meta, StoryObj } from '@storybook/web-components-vite'
import { html, nothing } from 'lit'
import { ref } from 'lit/directives/ref.js'
import { accountsPayablePermissions } from '../fake-api/fake-billing.js'
import { fakePortalClient, type FakeScenario } from '../fake-api/fake-portico-api.js'
import { fakeContracts, type FakeRecordsState } from '../fake-api/fake-records.js'
import { accountByLocale, localeOf, messagesIn } from './story-helpers.js'

/** "Today" of every story, so "renews in N days" reads the same in every screenshot. */
const today = new Date('2026-11-20T12:00:00')

interface ContractListArgs {
  status: 'all' | 'active' | 'cancelled' | 'expired'
  /** Shows `<h2 slot="header">` (the localised word for "Contracts"). */
  header: boolean
  /** What the fake API answers. */
  scenario: (locale: string) => FakeScenario
  /** What a person does once the list has loaded. */
  steps?: (list: PorticoContractList) => Promise<unknown> | void
}

const records =
  (changes: Partial<FakeRecordsState> = {}): ContractListArgs['scenario'] =>
  (locale) => ({
    kind: 'records',
    records: {
      account: accountByLocale[locale]!,
      documents: [],
      contracts: fakeContracts(accountByLocale[locale]!, today),
      permissions: accountsPayablePermissions,
      ...changes,
    },
  })

const afterLoad =
  (steps: (list: PorticoContractList) => Promise<unknown> | void) => (element?: Element) => {
    if (!(element instanceof HTMLElement) || element.dataset.storyPrepared) return
    const list = element as PorticoContractList
    list.dataset.storyPrepared = 'true'
    list.dataset.storyPending = 'true'
    void (async () => {
      while (['idle', 'loading'].includes(list.controller.state))
        await new Promise((resolve) => setTimeout(resolve, 50))
      await list.updateComplete
      await steps(list)
      await list.updateComplete
      delete list.dataset.storyPending
    })()
  }

const meta: Meta<ContractListArgs> = {
  title: 'Elements/Contract list',
  component: 'portico-contract-list',
  argTypes: {
    status: {
      control: 'inline-radio',
      options: ['all', 'active', 'cancelled', 'expired'],
      description: 'The `status` attribute.',
    },
    header: { control: 'boolean', description: 'Fill the `header` slot with a heading.' },
    scenario: { table: { disable: true } },
    steps: { table: { disable: true } },
  },
  args: { status: 'all', header: true, scenario: records() },
  loaders: [messagesIn(contractListCatalogue)],
  render: ({ status, header, scenario, steps }, { globals, loaded }) => {
    const locale = localeOf(globals)
    return html`
      <portico-contract-list
        .client=${fakePortalClient(scenario(locale))}
        .today=${today}
        locale=${locale}
        status=${status}
        ${ref(steps ? afterLoad(steps) : undefined)}
        @portico-contract-select=${(event: CustomEvent) =>
          console.info('portico-contract-select', event.detail.contract)}
        @portico-document-download=${(event: CustomEvent) => {
          event.preventDefault()
          console.info('portico-document-download', event.detail)
        }}
      >
        ${
          header
            ? html`<h2 slot="header">${(loaded.messages as ContractListMessages).contracts}</h2>`
            : nothing
        }
      </portico-contract-list>
    `
  },
}

export default meta
type Story = StoryObj<ContractListArgs>

/**
 * Soonest renewal first: one within a week (loudest), one within 30 days,
 * one within 60 that ends rather than renews, one later, and one expired.
 */
export const Loaded: Story = {}

/** A contract's items, opened with the disclosure button. */
export const ItemsExpanded: Story = {
  args: {
    steps: (list) =>
      list.shadowRoot!.querySelector<HTMLButtonElement>('[part="items-toggle"]')!.click(),
  },
}

/** The contract document's download refused: why, beside its button. */
export const DownloadFailed: Story = {
  args: {
    scenario: records({ refuseDownloads: 500 }),
    steps: (list) => list.downloads.download(list.controller.items[0]!.document!),
  },
}

/** Waiting for the API: a skeleton shaped like the table. */
export const Loading: Story = { args: { scenario: () => ({ kind: 'pending' }) } }

/** An account without contracts. */
export const Empty: Story = { args: { scenario: records({ contracts: [] }) } }

/** No contract has this status. */
export const FilteredEmpty: Story = {
  args: { status: 'cancelled' },
}

/** The API failed: the problem's request ID to quote, and Retry. */
export const Error: Story = { args: { scenario: () => ({ kind: 'problem', status: 500 }) } }

/** The role may not see contracts (403). */
export const Forbidden: Story = {
  args: { scenario: records({ permissions: ['invoices:read'] }) },
}

/** The embed session expired (401). */
export const Unauthorized: Story = {
  args: { scenario: () => ({ kind: 'problem', status: 401 }) },
}
