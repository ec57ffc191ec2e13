import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { bootstrapScript } from './src/app/contentSecurityPolicy.js';

// All data stays in the browser: the built app may talk to its own origin only, plus the origin of a
// basemap the user has enabled. The policy is written by a bootstrap script, the first thing in
// <head>, from the stored basemap (see src/app/contentSecurityPolicy.ts); it is not static in the
// HTML because a meta policy can never be relaxed afterwards. The dev server is left without it
// because React's fast refresh needs an inline script.
function contentSecurityPolicy(): Plugin {
  const source = bootstrapScript();
  const fileName = `assets/csp-${createHash('sha256').update(source).digest('hex').slice(0, 8)}.js`;
  let base = '/';
  return {
    name: 'chw-content-security-policy',
    apply: 'build',
    configResolved: (config) => {
      base = config.base;
    },
    buildStart() {
      this.emitFile({ type: 'asset', fileName, source });
    },
    // Right after <meta charset>, before every other tag of the page.
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        const charset = /<meta charset="[^"]*"\s*\/?>/i;
        if (!charset.test(html)) throw new Error('index.html: no <meta charset> to put the policy script after');
        return html.replace(charset, (meta) => `${meta}\n    <script src="${base}${fileName}"></script>`);
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/{model,io,app,cli,map}/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/setup/fastCheck.ts'],
          // Some tests read all of Belgium or draw rank-stability samples; on 2 busy cores they
          // need more than the default 5 s.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // A loaded CI machine can take seconds to parse a file or write IndexedDB.
          expect: { poll: { timeout: 15_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
