import '@portico/elements'
import type { ActivityItem } from '@portico/elements'
import type { Meta, StoryObj } from '@storybook/web-components-vite'
import { html } from 'lit'
import { fakeActivityState } from '../fake-api/fake-activity.js'
import { fakePortalClient, type FakeScenario } from '../fake-api/fake-portico-api.js'
import { localeOf } from './story-helpers.js'

interface ActivityFeedArgs {
  scenario: () => FakeScenario
  pageSize: number
}

const week = (): FakeScenario => ({ kind: 'activity', activity: fakeActivityState() })

const meta: Meta<ActivityFeedArgs> = {
  title: 'Elements/Activity feed',
  component: 'portico-activity-feed',
  argTypes: { scenario: { table: { disable: true } } },
  args: { scenario: week, pageSize: 20 },
  render: ({ scenario, pageSize }, { globals }) =>
    html`<portico-activity-feed
      .client=${fakePortalClient(scenario())}
      .linkFor=${(item: ActivityItem) =>
        item.subject.type === 'payment' ? null : `#${item.subject.type}s/${item.subject.id}`}
      locale=${localeOf(globals)}
      page-size=${pageSize}
      live-updates="off"
      @portico-activity-select=${(event: CustomEvent) =>
        console.info('portico-activity-select', event.detail)}
    ></portico-activity-feed>`,
}
export default meta

type Story = StoryObj<ActivityFeedArgs>

export const Activity: Story = {}
/** Two per page: "Load more" fetches the next. */
export const Paged: Story = { args: { pageSize: 2 } }
export const Empty: Story = {
  args: { scenario: () => ({ kind: 'activity', activity: fakeActivityState([]) }) },
}
export const Loading: Story = { args: { scenario: () => ({ kind: 'pending' }) } }
export const Forbidden: Story = { args: { scenario: () => ({ kind: 'problem', status: 403 }) } }
export const LoadError: Story = { args: { scenario: () => ({ kind: 'problem', status: 500 }) } }
