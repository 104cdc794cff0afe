import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';

export interface JobProgress {
  jobId: string;
  percent: number;
  message: string;
}

/** Follows job.progress events of one job at a time (imports, exports): real percent and status line. */
export function useJobProgress() {
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const off = useRef<(() => void) | null>(null);

  const stop = useCallback(() => {
    off.current?.();
    off.current = null;
    setProgress(null);
  }, []);

  const start = useCallback((jobId: string, message: string) => {
    off.current?.();
    setProgress({ jobId, percent: 0, message });
    off.current = api.onEvent('job.progress', (e) => {
      if (e.jobId !== jobId) return;
      setProgress((p) => (p && p.jobId === jobId ? { jobId, percent: e.percent, message: e.message } : p));
    });
  }, []);

  useEffect(() => () => off.current?.(), []);
  return { progress, start, stop };
}
