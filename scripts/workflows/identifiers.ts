// Names and ids the workflow templates share with `npm start` (scripts/n8n-runtime/instance.ts): node types of
// this package, the credentials it creates, stable ids per district.
import * as crypto from 'node:crypto';
import { shippedProfileIds } from '../../src/districts/profile';

const PKG = 'n8n-nodes-integrationsmanagement';
export const CASE_NODE = `${PKG}.integrationCase`;
export const EVENT_TRIGGER = `${PKG}.caseEventTrigger`;
export const FORM_TRIGGER = `${PKG}.caseFormTrigger`;

export interface CredentialRef {
	id: string;
	name: string;
}

const credential = (id: string, name: string): CredentialRef => ({ id, name });

/** The case-store credential every template uses; `npm start` creates it under this id (SQLite in the user folder). */
export const CASE_STORE_CREDENTIAL = credential('imCaseStoreCred1', 'Falldatenbank');
/** The SMTP credential `npm start` creates when SMTP is configured (IM_SMTP_HOST); e-mail nodes are disabled otherwise. */
export const SMTP_CREDENTIAL = credential('imSmtpCredential', 'E-Mail-Versand (SMTP)');
/**
 * The folder of the district's form paths (`formulare/aufnahme`, …): the personal sign-in holds for the whole
 * folder, and its session cookie reaches no other webhook of the instance.
 */
export const FORM_FOLDER = 'formulare';
/** Header token of the JSON interface (referral feedback); `npm start` creates it (header X-IM-Token). */
export const API_TOKEN_CREDENTIAL = credential('imApiTokenCred01', 'Schnittstellen-Token');

/** The districts whose profiles are shipped (`districts/<id>.json`), each with its own workflow templates. */
export const DISTRICTS = shippedProfileIds();

const sha256 = (text: string): string => crypto.createHash('sha256').update(text).digest('hex');

/** A UUID (v4 layout) derived from `seed`: node and webhook ids stay the same from one generation to the next. */
export function uuid(seed: string): string {
	const h = sha256(seed);
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** n8n workflow ids: 16 alphanumerics, stable per district and workflow. */
export function workflowId(district: string, name: string): string {
	return `im${sha256(`${district}/${name}`).slice(0, 14)}`;
}
