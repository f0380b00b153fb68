// Integration suites talk to PostgreSQL and n8n's engine; 60 s per test and hook leaves room for a loaded machine
// (see jest.config.js). Suites that do more set larger timeouts themselves.
jest.setTimeout(60_000);
