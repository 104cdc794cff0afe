import './print.css';

/**
 * Prints a rendered Word preview as the clerk sees it, without the app's menu and header and without
 * the browser's own header/footer lines: the pages are copied into a print-only wrapper under <body>,
 * everything else is hidden for print, and `@page { margin: 0 }` leaves no room for browser headers
 * (docx-preview already pads each page with the document's own margins).
 */
export function printDocx(container: HTMLElement): void {
  const pages = container.querySelectorAll<HTMLElement>('section.docx');
  const first = pages[0];
  const landscape = first ? first.offsetWidth > first.offsetHeight : false;
  const root = document.createElement('div');
  root.className = 'gl-print-root';
  root.innerHTML = container.innerHTML;
  const page = document.createElement('style');
  page.textContent = `@page { size: A4 ${landscape ? 'landscape' : 'portrait'}; margin: 0; }`;
  document.head.appendChild(page);
  document.body.appendChild(root);
  document.body.classList.add('gl-printing');
  const cleanup = () => {
    document.body.classList.remove('gl-printing');
    root.remove();
    page.remove();
  };
  window.addEventListener('afterprint', cleanup, { once: true });
  window.print();
}
