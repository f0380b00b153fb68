// Unit tests do no I/O but the generator check; 30 s leaves room for a loaded machine (see jest.config.js).
jest.setTimeout(30_000);
