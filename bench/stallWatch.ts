// A probe's view of the main thread while a job runs: the longest gap between 5 ms ticks (the longest time
// no other request could have been served) and the peak RSS. start() … stop().
export function watchMainThread(): { stop: () => { longestBlockMs: number; peakRssMb: number } } {
  let last = performance.now();
  let longest = 0;
  let peakRss = process.memoryUsage().rss;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 5);
  return {
    stop: () => {
      clearInterval(timer);
      longest = Math.max(longest, performance.now() - last);
      return { longestBlockMs: Math.round(longest), peakRssMb: Math.round(peakRss / 1048576) };
    },
  };
}
