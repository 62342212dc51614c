import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { deleteCookie, setCookie } from 'hono/cookie'
import { requireUser, SESSION_COOKIE } from '../../http/authorize.js'
import { clientAddress } from '../../http/client-address.js'
import type { AppEnv } from '../../http/env.js'
import { createFailureLimiter } from '../../http/rate-limit.js'
import { access, problems, NoQuery } from '../../http/route.js'
import { validationHook } from '../../http/validation.js'
import { LoginBody, LoginResponse, MeResponse } from './schemas.js'
import { getProfile, login, logout, SESSION_ABSOLUTE_MS } from './service.js'
import { withTenant } from '../../db/scope.js'

const loginRoute = createRoute({
  method: 'post',
  path: '/v1/auth/login',
  operationId: 'login',
  tags: ['Authentication'],
  summary: 'Sign in with email and password',
  description:
    'Opens a portal session. The token is returned and also set as an HttpOnly, SameSite=Strict cookie. ' +
    'Repeated failures for an email or address are refused with 429 until the window passes.',
  ...access('public'),
  request: {
    query: NoQuery,
    body: { required: true, content: { 'application/json': { schema: LoginBody } } },
  },
  responses: {
    200: { description: 'Signed in.', content: { 'application/json': { schema: LoginResponse } } },
    ...problems(400, 401, 413, 415, 429),
  },
})

const logoutRoute = createRoute({
  method: 'post',
  path: '/v1/auth/logout',
  operationId: 'logout',
  tags: ['Authentication'],
  summary: 'Sign out (revoke the current session)',
  ...access('profile:read'),
  request: { query: NoQuery },
  responses: { 204: { description: 'Signed out.' }, ...problems(400, 401, 403) },
})

const meRoute = createRoute({
  method: 'get',
  path: '/v1/me',
  operationId: 'getMe',
  tags: ['Authentication'],
  summary: 'The signed-in user, their account and permissions',
  ...access('profile:read'),
  request: { query: NoQuery },
  responses: {
    200: {
      description: 'The current user.',
      content: { 'application/json': { schema: MeResponse } },
    },
    ...problems(400, 401, 403),
  },
})

export function authRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  let limiter: ReturnType<typeof createFailureLimiter> | undefined

  app.openapi(loginRoute, async (c) => {
    const { db, clock, config } = c.get('deps')
    limiter ??= createFailureLimiter({
      windowMs: config.loginWindowSeconds * 1000,
      // An office behind one NAT shares an address: allow it more failures than one email.
      limitFor: (key) =>
        key.startsWith('login:ip:') ? config.loginMaxFailures * 4 : config.loginMaxFailures,
    })
    const body = c.req.valid('json')
    const result = await login(
      { db, now: clock.now(), limiter },
      { ...body, clientIp: clientAddress(c) },
    )
    setCookie(c, SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'Strict',
      secure: config.cookieSecure,
      path: '/',
      maxAge: SESSION_ABSOLUTE_MS / 1000,
    })
    const profile = await withTenant(db, result.accountId, (db) => getProfile(db, result))
    return c.json(
      {
        token: result.token,
        expiresAt: result.expiresAt,
        user: profile.user,
        account: profile.account,
      },
      200,
    )
  })

  app.openapi(logoutRoute, async (c) => {
    const principal = requireUser(c.get('principal'))
    if (principal.via === 'session')
      await logout(c.get('db'), principal.credentialId, c.get('deps').clock.now())
    deleteCookie(c, SESSION_COOKIE, { path: '/' })
    return c.body(null, 204)
  })

  app.openapi(meRoute, async (c) => {
    const principal = requireUser(c.get('principal'))
    const profile = await getProfile(c.get('db'), principal)
    return c.json(
      {
        ...profile,
        permissions: [...principal.permissions].sort(),
        authenticatedVia: principal.via,
      },
      200,
    )
  })

  return app
}
