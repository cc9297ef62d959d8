/** Password length bounds: long passphrases welcome, no composition rules. */
export const minPasswordLength = 8;
export const maxPasswordLength = 1024;
