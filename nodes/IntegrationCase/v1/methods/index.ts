export * as credentialTest from '../../../shared/credential-test';
