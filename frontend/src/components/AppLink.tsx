import { Link as RouterLink, type LinkProps } from 'react-router'

/** A router link with the NL Design System link style. */
export function AppLink({ className, ...props }: LinkProps) {
  return <RouterLink className={['utrecht-link', 'utrecht-link--html-a', className].filter(Boolean).join(' ')} {...props} />
}

/** A router link that looks like a button. */
export function AppButtonLink({ className, appearance = 'primary', ...props }: LinkProps & { appearance?: 'primary' | 'secondary' }) {
  return (
    <RouterLink
      className={[
        'utrecht-button-link',
        'utrecht-button-link--html-a',
        appearance === 'primary' ? 'utrecht-button-link--primary-action' : 'utrecht-button-link--secondary-action',
        className,
      ]
        .filter(Boolean)
        .join(' ')}
      {...props}
    />
  )
}
