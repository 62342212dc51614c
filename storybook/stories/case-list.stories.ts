import '@portico/elements'
import type { Meta, StoryObj } from '@storybook/web-components-vite'
import { html } from 'lit'
import { fakeCase, fakeCasesState, fakeConversation } from '../fake-api/fake-cases.js'
import { fakePortalClient, type FakeScenario } from '../fake-api/fake-portico-api.js'
import { localeOf } from './story-helpers.js'

interface CaseListArgs {
  scenario: () => FakeScenario
  pageSize: number
}

const several = (): FakeScenario => ({
  kind: 'cases',
  cases: fakeCasesState([
    fakeCase({ syncStatus: 'syncing' }),
    fakeCase({
      ...fakeConversation(),
      subject: 'Wrong batch delivered',
      category: 'quality',
      priority: 'high',
    }),
    fakeCase({
      subject: 'Invoice shows the wrong VAT rate',
      category: 'billing',
      status: 'waiting_on_customer',
      slaBreached: { firstResponse: true, resolution: false },
      resolutionPausedAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
    }),
    fakeCase({ subject: 'Pump warranty claim', category: 'warranty', status: 'resolved' }),
    fakeCase({ subject: 'Annual maintenance visit', category: 'maintenance', status: 'closed' }),
  ]),
})

const meta: Meta<CaseListArgs> = {
  title: 'Elements/Case list',
  component: 'portico-case-list',
  argTypes: { scenario: { table: { disable: true } } },
  args: { scenario: several, pageSize: 20 },
  render: ({ scenario, pageSize }, { globals }) =>
    html`<portico-case-list
      .client=${fakePortalClient(scenario())}
      locale=${localeOf(globals)}
      page-size=${pageSize}
      live-updates="off"
      @portico-case-select=${(event: CustomEvent) => console.info('portico-case-select', event.detail)}
    ></portico-case-list>`,
}
export default meta

type Story = StoryObj<CaseListArgs>

export const Cases: Story = {}
/** Two per page: "Load more" fetches the next. */
export const Paged: Story = { args: { pageSize: 2 } }
export const Empty: Story = {
  args: { scenario: () => ({ kind: 'cases', cases: fakeCasesState([]) }) },
}
export const Loading: Story = { args: { scenario: () => ({ kind: 'pending' }) } }
export const Forbidden: Story = { args: { scenario: () => ({ kind: 'problem', status: 403 }) } }
export const LoadError: Story = { args: { scenario: () => ({ kind: 'problem', status: 500 }) } }
