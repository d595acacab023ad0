// Small building blocks of the organisation pages: the status message. (Fields, choice groups and the district
// checklist are the shared ones in src/components.)
import { Alert, Paragraph } from '@utrecht/component-library-react'
import type { ReactNode } from 'react'
import './texts'

export function StatusMessage({ children }: { children: ReactNode }) {
  return (
    <Alert type="ok" role="status">
      <Paragraph>{children}</Paragraph>
    </Alert>
  )
}
