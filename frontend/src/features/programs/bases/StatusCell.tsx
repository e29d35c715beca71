import { Badge, ColorSwatch, Select } from "@mantine/core";

interface Props<S extends string> {
  status: S;
  options: S[];
  colors: Record<S, string>;
  labelOf: (status: S) => string;
  /** The accessible name of the select, naming the person. */
  ariaLabel: string;
  readOnly: boolean;
  disabled?: boolean;
  onChange: (status: S) => void;
}

/** A status as a badge, or (when it may change) a select of the allowed moves, coloured alike. */
export function StatusCell<S extends string>({ status, options, colors, labelOf, ariaLabel, readOnly, disabled, onChange }: Props<S>) {
  if (readOnly || options.length <= 1) {
    return (
      <Badge color={colors[status]} variant="light" tt="none">
        {labelOf(status)}
      </Badge>
    );
  }
  return (
    <Select
      size="xs"
      w={190}
      aria-label={ariaLabel}
      allowDeselect={false}
      disabled={disabled}
      leftSection={<ColorSwatch color={`var(--mantine-color-${colors[status]}-6)`} size={10} />}
      data={options.map((s) => ({ value: s, label: labelOf(s) }))}
      value={status}
      onChange={(value) => value && value !== status && onChange(value as S)}
    />
  );
}
