import { z } from 'zod';

// zod 4 probes `new Function` unless told not to; that probe breaks under our CSP (no
// 'unsafe-eval'). Every module that defines schemas imports z from here.
z.config({ jitless: true });

export { z };
