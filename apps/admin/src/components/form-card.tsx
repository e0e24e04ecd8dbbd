import { Button, type ButtonProps, Group, Paper, Stack, Title, type TitleProps } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';

/**
 * A form in a bordered card: a heading that names the form (so it is a landmark a screen reader can jump to),
 * its fields, one submit button, and what follows it (errors, a saved note).
 */
export function FormCard({
  id,
  title,
  titleSize = 'h4',
  onSubmit,
  submitLabel,
  submitting = false,
  submit,
  noValidate = false,
  testId,
  children,
  after,
}: {
  /** The heading's id, which names the form. */
  id: string;
  title: ReactNode;
  titleSize?: TitleProps['size'];
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  submitLabel: ReactNode;
  submitting?: boolean;
  /** More properties of the submit button (variant, color, disabled). */
  submit?: Omit<ButtonProps, 'children' | 'loading'>;
  /** Leave checks to the API's field errors rather than the browser's. */
  noValidate?: boolean;
  testId?: string;
  children: ReactNode;
  /** Below the button: the outcome of the last submission. */
  after?: ReactNode;
}) {
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="form"
      onSubmit={onSubmit}
      noValidate={noValidate}
      aria-labelledby={id}
      data-testid={testId}
    >
      <Stack gap="sm">
        <Title order={3} size={titleSize} id={id}>
          {title}
        </Title>
        {children}
        <Group>
          <Button type="submit" loading={submitting} {...submit}>
            {submitLabel}
          </Button>
        </Group>
        {after}
      </Stack>
    </Paper>
  );
}
