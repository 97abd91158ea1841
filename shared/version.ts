/** The software version recorded with every analysis figure (kept equal to package.json by a test). */
export const SOFTWARE_VERSION = '0.1.0';
