import '@portico/elements'
import type { Meta, StoryObj } from '@storybook/web-components-vite'
import { html } from 'lit'
import { fakeCase, fakeCasesState, fakeConversation } from '../fake-api/fake-cases.js'
import { fakePortalClient, type FakeScenario } from '../fake-api/fake-portico-api.js'
import { localeOf } from './story-helpers.js'

interface CaseDetailArgs {
  /** What the fake API answers, and which case to show. */
  scenario: () => { scenario: FakeScenario; caseId: string }
}

const withCase =
  (
    tailor: Parameters<typeof fakeCase>[0] = {},
    permissions?: string[],
  ): CaseDetailArgs['scenario'] =>
  () => {
    const shown = fakeCase(tailor)
    return {
      caseId: shown.id,
      scenario: { kind: 'cases', cases: fakeCasesState([shown], permissions) },
    }
  }

const meta: Meta<CaseDetailArgs> = {
  title: 'Elements/Case detail',
  component: 'portico-case-detail',
  argTypes: { scenario: { table: { disable: true } } },
  args: { scenario: withCase() },
  render: ({ scenario }, { globals }) => {
    const { scenario: answers, caseId } = scenario()
    return html`<portico-case-detail
      .client=${fakePortalClient(answers)}
      locale=${localeOf(globals)}
      case-id=${caseId}
      live-updates="off"
      @portico-attachment-open=${(event: CustomEvent) => {
        // The fake link leads nowhere: show it instead of following it.
        event.preventDefault()
        console.info('portico-attachment-open', event.detail)
      }}
    ></portico-case-detail>`
  },
}
export default meta

type Story = StoryObj<CaseDetailArgs>

/** Just raised: first response and resolution due. */
export const New: Story = {}

/** Support has answered; a photo is attached. */
export const Conversation: Story = { args: { scenario: withCase(fakeConversation()) } }

/** Both SLA clocks missed, still being written to the CRM. */
export const BreachedAndSyncing: Story = {
  args: {
    scenario: withCase({
      firstResponseDueAt: new Date(Date.now() - 3_600_000).toISOString(),
      slaBreached: { firstResponse: true, resolution: false },
      syncStatus: 'syncing',
      priority: 'urgent',
    }),
  },
}

/** Support asked a question: the resolution clock is paused until the customer replies. */
export const WaitingOnYou: Story = {
  args: {
    scenario: withCase({
      ...fakeConversation(),
      status: 'waiting_on_customer',
      resolutionPausedAt: new Date(Date.now() - 3_600_000).toISOString(),
    }),
  },
}

/** Closed: the reply box says why it is gone, Reopen is offered. */
export const Closed: Story = {
  args: {
    scenario: withCase({
      ...fakeConversation(),
      status: 'closed',
      closedAt: new Date().toISOString(),
    }),
  },
}

/** Case text with markup shows as text: nothing runs. */
export const MarkupIsInert: Story = {
  args: {
    scenario: withCase({
      subject: '<img src=x onerror="alert(1)">',
      description: '<script>alert(1)</script> <b>not bold</b>',
    }),
  },
}

export const Loading: Story = {
  args: { scenario: () => ({ caseId: 'case_x', scenario: { kind: 'pending' } }) },
}

export const NotFound: Story = {
  args: {
    scenario: () => ({
      caseId: 'case_missing',
      scenario: { kind: 'cases', cases: fakeCasesState([]) },
    }),
  },
}

export const Forbidden: Story = {
  args: { scenario: () => ({ caseId: 'case_x', scenario: { kind: 'problem', status: 403 } }) },
}

export const LoadError: Story = {
  args: { scenario: () => ({ caseId: 'case_x', scenario: { kind: 'problem', status: 500 } }) },
}
