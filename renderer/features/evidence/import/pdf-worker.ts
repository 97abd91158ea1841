// pdf.js reads PDFs in a worker of its own, served with the app like any script.
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';
import { setPdfWorker } from '../../../../shared/tos/read-pdf';

setPdfWorker(() => new Worker(workerUrl, { type: 'module' }));
