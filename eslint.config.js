// ESLint for the browser scripts (make lint). Every script in content/javascripts/ is an ES
// module that runs in the browser: it imports what it needs and sets no global of its own.
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["content/javascripts/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.browser },
    },
    rules: {
      "no-implicit-globals": "error",
      "no-undef": "error",
    },
  },
];
