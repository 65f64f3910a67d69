import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // The text engine and layout are pure: no I/O, no PDF, no image library.
    files: ['src/text/**/*.ts', 'src/layout/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/render/**', '**/images/**', '**/cli/**'], message: 'text/ and layout/ are pure' },
          ],
          paths: ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'pdfkit', 'sharp', 'fontkit'],
        },
      ],
    },
  },
);
