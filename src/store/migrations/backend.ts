export type Backend = 'sqlite' | 'postgres';
