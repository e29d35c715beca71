import type { MediaItem, MediaItemPatch, MediaStatus, NewMediaItem } from "../../../api/types";

export interface MediaFormValues {
  stage_no: string;
  event: string;
  message: string;
  channel: string;
  form: string;
  deadline: string;
  responsible: string;
  status: MediaStatus;
  published_url: string;
}

export function newMediaForm(deadline: string): MediaFormValues {
  return {
    stage_no: "1",
    event: "",
    message: "",
    channel: "",
    form: "",
    deadline,
    responsible: "",
    status: "planned",
    published_url: "",
  };
}

export function mediaFormValues(item: MediaItem): MediaFormValues {
  return {
    stage_no: String(item.stage_no),
    event: item.event,
    message: item.message ?? "",
    channel: item.channel ?? "",
    form: item.form ?? "",
    deadline: item.deadline,
    responsible: item.responsible ?? "",
    status: item.status,
    published_url: item.published_url ?? "",
  };
}

const orNull = (value: string) => value.trim() || null;

export function newMediaBody(values: MediaFormValues): NewMediaItem {
  return {
    stage_no: Number(values.stage_no),
    event: values.event.trim(),
    message: orNull(values.message),
    channel: orNull(values.channel),
    form: orNull(values.form),
    deadline: values.deadline,
    responsible: orNull(values.responsible),
  };
}

export function mediaPatch(values: MediaFormValues): MediaItemPatch {
  return { ...newMediaBody(values), status: values.status, published_url: orNull(values.published_url) };
}

/** A publication is proven by its address: the service refuses "published" without one. */
export function publishedUrlError(values: Pick<MediaFormValues, "status" | "published_url">): boolean {
  return values.status === "published" && !values.published_url.trim();
}
