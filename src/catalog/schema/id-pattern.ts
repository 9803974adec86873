/** The pattern every catalogue identifier (a folder name) follows. */
export const idPattern = /^[a-z][a-z0-9-]*$/;
