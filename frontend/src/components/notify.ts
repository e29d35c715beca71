import { notifications } from "@mantine/notifications";

export function notifySuccess(message: string) {
  notifications.show({ color: "green", message, autoClose: 4000 });
}

export function notifyFailure(message: string) {
  notifications.show({ color: "red", message, autoClose: 8000 });
}
