import type { PreviewPort, PreviewResponse, PreviewRequest } from './preview-protocol';
import { servePreview } from './preview-renderer';

// The renderer's tsconfig has the DOM lib, not the worker one; a worker's global scope is a port.
servePreview(self as unknown as PreviewPort<PreviewRequest, PreviewResponse>);
