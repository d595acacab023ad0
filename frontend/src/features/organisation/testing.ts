// The organisation pages' component tests: a session that belongs to `organisations`.
export const me = (organisations: { id: string; name: string; role: 'owner' | 'member'; status: 'pending' | 'verified' | 'rejected' }[]) => ({
  id: 'u1',
  email: 'kees@example.nl',
  display_name: 'Kees',
  locale: 'nl',
  roles: ['resident'],
  email_verified: true,
  organisations,
})
