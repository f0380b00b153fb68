export * as credentialTest from './credentialTest';
