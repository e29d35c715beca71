import { createTheme, Title } from "@mantine/core";

export const theme = createTheme({
  primaryColor: "indigo",
  defaultRadius: "md",
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif",
  components: {
    // Russian words run long («наставничества»): a heading breaks one rather than widen a phone screen.
    Title: Title.extend({ styles: { root: { overflowWrap: "anywhere" } } }),
  },
});
