// Events the backend pushes to the renderer (IPC `onEvent`, or SSE at GET /api/events).
export interface BackendEvents {
  /** Long work (imports, batch forms, backups): a real percentage and a Chinese status line. */
  'job.progress': { jobId: string; percent: number; message: string; done?: boolean };
  /** Something changed that open lists may want to refresh. */
  'data.changed': { entity: string; ids?: string[] };
}
export type EventName = keyof BackendEvents;
